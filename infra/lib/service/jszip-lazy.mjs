// What `jszip` resolves to in a Lambda bundle (the `alias` of `lambdaBundling`): jszip itself, loaded from
// `workbook.cjs` on first use (see workbook-load.mjs). Code uses it as `new JSZip()` and `JSZip.loadAsync(bytes)`.
import { workbooks } from './workbook-load.mjs';

const real = () => workbooks().JSZip;
export default new Proxy(function JSZip() {}, {
  construct: (_, args) => Reflect.construct(real(), args),
  get: (_, key) => {
    const value = real()[key];
    return typeof value === 'function' ? value.bind(real()) : value;
  },
});
