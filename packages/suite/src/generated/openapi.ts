// Generated from the manifests by `pnpm openapi-types` (openapi-typescript); do not edit.

export interface paths {
    "/deliberation/needs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a village’s needs, newest first (需求清单)
         * @description Roles (over the target place): resident, grid-worker, cadre, supervisor, township-official, county-official
         */
        get: operations["listNeeds"];
        put?: never;
        /**
         * Raise a need (群众提), or record one on a resident’s behalf
         * @description Roles (over the target place): resident, grid-worker, cadre
         */
        post: operations["raiseNeed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/needs/{needId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One need, with its triage outcome and supporters count
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, expert, township-official, county-official
         */
        get: operations["getNeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/needs/{needId}/supporters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Second a need (附议): a resident backs a need someone else raised; once per person
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, cadre, supervisor, treasurer, inspector, council-member
         */
        post: operations["secondNeed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/needs/{needId}/triage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Triage a need (cadres): accept onto the needs list, change its category, merge into a duplicate, or reject with a reason
         * @description Roles (over the target place): cadre
         */
        post: operations["triageNeed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The village resources list, newest first
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, expert, township-official, county-official
         */
        get: operations["listResources"];
        put?: never;
        /**
         * Add an entry to the village resources list (资源清单): land, funds, skills, volunteers, equipment
         * @description Roles (over the target place): cadre
         */
        post: operations["addResource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/resources/{resourceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a resource’s status, quantity, amount or description (cadres); optimistic on its version
         * @description Roles (over the target place): cadre
         */
        patch: operations["updateResource"];
        trace?: never;
    };
    "/deliberation/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The village project list with running support totals; `order=supports` ranks the whole list by support
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, expert, township-official, county-official
         */
        get: operations["listCandidates"];
        put?: never;
        /**
         * Put a candidate item on the project list from accepted needs (cadres); the needs become listed
         * @description Roles (over the target place): cadre
         */
        post: operations["listCandidate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/candidates/{candidateId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One candidate item with its running support total
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, expert, township-official, county-official
         */
        get: operations["getCandidate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/candidates/{candidateId}/supports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Support a candidate item (点单): once per resident per item, within the village’s per-resident limit
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, cadre, supervisor, treasurer, inspector, council-member
         */
        post: operations["supportCandidate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A village’s deliberation settings: per-resident support limit, notice days per kind
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, expert, township-official, county-official
         */
        get: operations["getVillageSettings"];
        /**
         * Set the village’s per-resident support limit and notice periods, with the reason (cadres; audited)
         * @description Roles (over the target place): cadre
         */
        put: operations["setVillageSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/settings/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every change of a village’s deliberation settings, newest first: before, after, who, when, why
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, expert, township-official, county-official
         */
        get: operations["getVillageSettingsHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/chains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The decision chain a kind of proposal follows in a village (the four deliberations unless changed)
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, expert, township-official, county-official
         */
        get: operations["getDecisionChain"];
        /**
         * Propose another decision chain for a kind in a village (cadres): it must keep the county’s required bodies, order and rules, and takes effect once the township approves
         * @description Roles (over the target place): cadre
         */
        put: operations["proposeDecisionChain"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/chains/changes/{changeId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve or decline a village’s proposed chain change (township officials); approval re-checks the floor
         * @description Roles (over the target place): township-official
         */
        post: operations["decideDecisionChainChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/chains/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every proposed change of a village’s chain for a kind, newest first: before, after, who proposed, who decided, why
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, expert, township-official, county-official
         */
        get: operations["getDecisionChainHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/chain-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The floor of decision chains for a kind over a place: the county’s, else the province’s, else the national 四议
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, expert, township-official, county-official
         */
        get: operations["getChainPolicy"];
        /**
         * Set the floor of decision chains for a kind in a county or province (county officials; audited)
         * @description Roles (over the target place): county-official
         */
        put: operations["setChainPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/chain-policies/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every change of a county’s or province’s chain floor for a kind, newest first
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, expert, township-official, county-official
         */
        get: operations["getChainPolicyHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/compound-eligibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A compound’s recorded renovation eligibility and which facts fail
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, expert, township-official, county-official
         */
        get: operations["getCompoundEligibility"];
        /**
         * Record a compound’s renovation eligibility: multi-storey, structurally safe, on a demolition plan (cadres, township officials; audited)
         * @description Roles (over the target place): cadre, township-official
         */
        put: operations["recordCompoundEligibility"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/compound-eligibility/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every change of a compound’s renovation eligibility facts, newest first
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, expert, township-official, county-official
         */
        get: operations["getCompoundEligibilityHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/evidence-uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A presigned URL to upload evidence (minutes, photos, tally-sheet scans, proxy forms) for a village
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, expert, township-official, county-official
         */
        post: operations["requestDeliberationEvidenceUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A village’s plans, newest first
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, expert, township-official, county-official
         */
        get: operations["listPlans"];
        put?: never;
        /**
         * Draft a plan (预案), version 1, optionally for a candidate item of the project list (cadres)
         * @description Roles (over the target place): cadre, township-official
         */
        post: operations["draftPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/plans/{planId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A plan: its current version and the list of all versions kept
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, expert, township-official, county-official
         */
        get: operations["getPlan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/plans/{planId}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One kept version of a plan
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, expert, township-official, county-official
         */
        get: operations["getPlanVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/discussions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a three-party discussion of a plan (三方议): parties, attendees, positions, minutes and photos; yields the plan’s next version
         * @description Roles (over the target place): cadre, township-official
         */
        post: operations["recordDiscussion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/discussions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One discussion session, with presigned links to its minutes and photos
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, expert, township-official, county-official
         */
        get: operations["getDiscussion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/plans/{planId}/discussions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The discussion sessions held on a plan, oldest first
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, expert, township-official, county-official
         */
        get: operations["listPlanDiscussions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A village’s proposals, newest first
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, expert, township-official, county-official
         */
        get: operations["listProposals"];
        put?: never;
        /**
         * Submit a proposal into its village’s decision chain (cadres; classification also township officials)
         * @description Roles (over the target place): cadre, township-official
         */
        post: operations["submitProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/proposals/{proposalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A proposal with every step of every round (tallies, quorum and passing checks) and its disclosures
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, expert, township-official, county-official
         */
        get: operations["getProposal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/proposals/{proposalId}/tally": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The running tally of a step (default: the current one): a constant-cost read of its counters
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, expert, township-official, county-official
         */
        get: operations["getTally"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/proposals/{proposalId}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close the current body’s vote and resolve it: next body, adopted into notice, returned, or rejected (cadres)
         * @description Roles (over the target place): cadre
         */
        post: operations["resolveStep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/proposals/{proposalId}/resubmit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resubmit a returned or reopened proposal, optionally revised (another plan version, compact version or class): a new round from the first body
         * @description Roles (over the target place): cadre
         */
        post: operations["resubmitProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/proposals/{proposalId}/ballots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The counted ballots of a step (default: current); a secret ballot’s choices only for the supervision committee
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, expert, township-official, county-official
         */
        get: operations["listBallots"];
        put?: never;
        /**
         * Cast a ballot at the current step: your own (online), or for a voter who authorised you (proxy)
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, cadre, supervisor, treasurer, inspector, council-member
         */
        post: operations["castBallot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/proposals/{proposalId}/proxies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Authorise a proxy for the current step: by the voter online, or recorded by a cadre with the signed form’s scan
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, cadre, supervisor, treasurer, inspector, council-member
         */
        post: operations["authoriseProxy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/proposals/{proposalId}/paper-ballots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a paper tally sheet for the current step (cadres): the scan as evidence, a verdict per line
         * @description Roles (over the target place): cadre
         */
        post: operations["importPaperBallots"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/proposals/{proposalId}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Objections to a decision and their answers; objectors’ names are masked except for cadres and supervisors
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, expert, township-official, county-official
         */
        get: operations["listObjections"];
        put?: never;
        /**
         * Object to a decision during its public notice (公示期内提出异议)
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, cadre, supervisor, treasurer, inspector, council-member
         */
        post: operations["raiseObjection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/proposals/{proposalId}/objections/{objectionId}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer an objection (cadres): sustained reopens the proposal; dismissed lets the notice run out
         * @description Roles (over the target place): cadre
         */
        post: operations["answerObjection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public disclosure board (公开栏): decisions under notice or final, how each body voted, and implementation results */
        get: operations["getPublicBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/consent-polls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A community’s owner consent polls, newest first
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, expert, township-official, county-official
         */
        get: operations["listConsentPolls"];
        put?: never;
        /**
         * Open an owner consent poll (业主意愿) over a community or compound; eligible owners and areas are fixed now
         * @description Roles (over the target place): cadre, township-official
         */
        post: operations["openConsentPoll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/consent-polls/{pollId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A consent poll with its running totals by headcount and area, and each condition of its rule
         * @description Roles (over the target place): resident, household-head, owner, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, expert, township-official, county-official
         */
        get: operations["getConsentPoll"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/consent-polls/{pollId}/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Respond to a consent poll: an owner online, or a cadre recording an owner’s paper form (with its scan)
         * @description Roles (over the target place): owner, cadre
         */
        post: operations["respondToConsentPoll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliberation/consent-polls/{pollId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a consent poll now (cadres): the result by headcount and area, each condition with its margin
         * @description Roles (over the target place): cadre, township-official
         */
        post: operations["closeConsentPoll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/needs-seen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Needs the projects service has seen for a village, newest first, a page at a time, with their count
         * @description Roles (over the target place): cadre, supervisor, township-official, county-official
         */
        get: operations["listNeedsSeen"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A village’s projects (项目库) with stage and derived progress
         * @description Roles (over the target place): resident, cadre, treasurer, supervisor, grid-worker, representative, contractor, expert, township-official, county-official
         */
        get: operations["listProjects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/projects/{projectId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A project with its milestones, progress, money by source, contributions and changes
         * @description Roles (over the target place): resident, cadre, treasurer, supervisor, grid-worker, representative, contractor, expert, township-official, county-official
         */
        get: operations["getProject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/projects/{projectId}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a project to its next lifecycle stage (illegal moves are refused with the allowed ones)
         * @description Roles (over the target place): cadre, township-official
         */
        post: operations["moveProjectStage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/projects/{projectId}/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a change: a small budget adjustment applies directly; content or a larger budget move goes to deliberation
         * @description Roles (over the target place): cadre
         */
        post: operations["requestProjectChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/projects/{projectId}/changes/{changeId}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw a change still waiting for deliberation; the project resumes unchanged
         * @description Roles (over the target place): cadre
         */
        post: operations["withdrawProjectChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/parked-decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Final project-change decisions that could not be applied when they arrived (unknown project or change)
         * @description Roles (over the target place): cadre, supervisor, township-official, county-official, ops-admin
         */
        get: operations["listParkedProjectDecisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/projects/{projectId}/milestones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Plan a milestone with its weight; mark hidden works (隐蔽工程) that need photo or video evidence
         * @description Roles (over the target place): cadre
         */
        post: operations["addMilestone"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/projects/{projectId}/milestones/{milestoneId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a milestone; hidden works only with photo or video evidence already uploaded
         * @description Roles (over the target place): cadre, contractor
         */
        post: operations["completeMilestone"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/projects/{projectId}/evidence-uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A presigned URL to upload a photo, video or document for this project (e.g. hidden works before covering)
         * @description Roles (over the target place): cadre, contractor, supervisor
         */
        post: operations["createProjectEvidenceUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/projects/{projectId}/contributions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A project’s contributions with running totals, overall and per household
         * @description Roles (over the target place): resident, cadre, treasurer, supervisor, grid-worker, representative, contractor, expert, township-official, county-official
         */
        get: operations["listProjectContributions"];
        put?: never;
        /**
         * Record a household’s money, labour hours, materials, land or idea for a project (出钱出力出物让地出点子)
         * @description Roles (over the target place): cadre, grid-worker, treasurer
         */
        post: operations["recordContribution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/households/contributions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A household’s contributions over all projects, with its running totals
         * @description Roles (over the target place): resident, cadre, treasurer, supervisor, grid-worker, representative, contractor, expert, township-official, county-official
         */
        get: operations["householdContributions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/pools/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Book money into a village or township pool from a named source, with any purpose restriction
         * @description Roles (over the target place): treasurer, cadre, township-official
         */
        post: operations["recordReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/pools/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pass money from a township pool to one of its villages’ pools; source kind and restriction travel with it
         * @description Roles (over the target place): township-official
         */
        post: operations["transferToVillagePool"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/projects/{projectId}/allocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Allocate pool money to a project, from named sources or the eligible ones oldest first, never against a restriction
         * @description Roles (over the target place): cadre
         */
        post: operations["allocateFunds"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/pools/postings/{postingId}/reverse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Correct a receipt or an allocation with a reversing posting (the ledger is never edited)
         * @description Roles (over the target place): treasurer, cadre, township-official
         */
        post: operations["reversePosting"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/pools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A pool’s money by source: received, unallocated, allocated, held, spent (各记其功)
         * @description Roles (over the target place): resident, cadre, treasurer, supervisor, grid-worker, representative, contractor, expert, township-official, county-official
         */
        get: operations["getPool"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/pools/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A pool’s balance and totals, kept as running totals with every posting: one read however long its history
         * @description Roles (over the target place): resident, cadre, treasurer, supervisor, grid-worker, representative, contractor, expert, township-official, county-official
         */
        get: operations["getPoolBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/pools/postings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A pool’s journal, newest first
         * @description Roles (over the target place): treasurer, cadre, supervisor, township-official, county-official
         */
        get: operations["listPostings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/pools/ledger-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Audit a pool: every posting balances, every running balance equals the sum of its entries, none negative
         * @description Roles (over the target place): treasurer, cadre, supervisor, township-official, county-official
         */
        get: operations["checkLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/projects/{projectId}/disbursements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A project’s disbursements with their approvals and paying sources
         * @description Roles (over the target place): resident, cadre, treasurer, supervisor, grid-worker, representative, contractor, expert, township-official, county-official
         */
        get: operations["listDisbursements"];
        put?: never;
        /**
         * Request a disbursement against a milestone; the money is held on the project’s allocation until approved
         * @description Roles (over the target place): treasurer, cadre
         */
        post: operations["requestDisbursement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/projects/{projectId}/disbursements/{disbursementId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The village committee approves a disbursement (a two-committees member, not the requester)
         * @description Roles (over the target place): cadre
         */
        post: operations["approveDisbursement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/projects/{projectId}/disbursements/{disbursementId}/countersign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The supervision committee countersigns an approved disbursement (another person), which then posts
         * @description Roles (over the target place): supervisor
         */
        post: operations["countersignDisbursement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/projects/{projectId}/disbursements/{disbursementId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refuse a disbursement not yet posted (committee or supervision committee); the held money goes back
         * @description Roles (over the target place): cadre, supervisor
         */
        post: operations["rejectDisbursement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/wage-rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A county’s hourly wage rates by effective date, and the one in force today */
        get: operations["listWageRates"];
        put?: never;
        /**
         * A county sets the local hourly wage (当地工时费) from a date on; rates in force are never changed
         * @description Roles (over the target place): county-official
         */
        post: operations["setWageRate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/county-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A county’s project settings (the default applies until it sets its own) */
        get: operations["getCountySettings"];
        /**
         * A county sets the share of a budget a change may move without going back to deliberation (basis points)
         * @description Roles (over the target place): county-official
         */
        put: operations["putCountySettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A village’s public disclosure board: projects, money by source, contributions and every disbursement */
        get: operations["villageBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/compacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A village’s compacts, each with the version in force today
         * @description Roles (over the target place): resident, household-head, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, township-official, county-official
         */
        get: operations["listCompacts"];
        put?: never;
        /**
         * Draft a compact (村规民约 or 管护公约): its version 1, editable until submitted for deliberation
         * @description Roles (over the target place): cadre
         */
        post: operations["draftCompact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/compacts/{compactId}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Draft an amendment: a new version, starting from the version in force (else the latest) unless articles are given
         * @description Roles (over the target place): cadre
         */
        post: operations["draftAmendment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/compacts/{compactId}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One version of a compact
         * @description Roles (over the target place): resident, household-head, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, township-official, county-official
         */
        get: operations["getCompactVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit a draft version (title, articles, proposed start date); refused once submitted or with a stale revision
         * @description Roles (over the target place): cadre
         */
        patch: operations["editDraft"];
        trace?: never;
    };
    "/compacts/compacts/{compactId}/versions/{version}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a draft for deliberation: its text is frozen; deliberation’s final decision brings it into force
         * @description Roles (over the target place): cadre
         */
        post: operations["submitDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/compacts/{compactId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A compact with all its versions (drafts, submitted, adopted with their in-force dates)
         * @description Roles (over the target place): resident, household-head, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, township-official, county-official
         */
        get: operations["getCompact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/compacts/{compactId}/in-force": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The version of a compact in force on a date (default today, China time)
         * @description Roles (over the target place): resident, household-head, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, township-official, county-official
         */
        get: operations["getVersionInForce"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/decisions/parked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Final decisions on compacts that wait for their draft (or name the wrong village): nothing is lost
         * @description Roles (over the target place): cadre, supervisor, township-official, county-official, ops-admin
         */
        get: operations["listParkedCompactDecisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/councils": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The four councils of 一约四会 of a village with their members (from the register; names masked)
         * @description Roles (over the target place): resident, household-head, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, township-official, county-official
         */
        get: operations["listCouncils"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/duties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The 门前三包 duties of a village’s households (what each household’s door plate says)
         * @description Roles (over the target place): resident, household-head, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, township-official, county-official
         */
        get: operations["listDuties"];
        put?: never;
        /**
         * Assign (or re-assign) a household its 门前三包 duties and the stretch they cover
         * @description Roles (over the target place): cadre
         */
        post: operations["assignDuty"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/organisation/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a unit of the four-level organisation (镇党委/村党支部/湾组党小组/党员中心户): leader, area and matters
         * @description Roles (over the target place): cadre, township-official
         */
        post: operations["setOrgUnit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/organisation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The four-level organisation over a village (“四级组织体系 + 全体户主”): units top-down and the household heads
         * @description Roles (over the target place): resident, household-head, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, township-official, county-official
         */
        get: operations["getOrganisation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/spaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A village’s registry of spaces, with free adoption slots
         * @description Roles (over the target place): resident, household-head, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, township-official, county-official
         */
        get: operations["listSpaces"];
        put?: never;
        /**
         * Register a public space, green plot, facility or road section of a village, with how many may adopt it at once
         * @description Roles (over the target place): cadre
         */
        post: operations["registerSpace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/spaces/{spaceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A space with its adoption history (adopters’ names masked)
         * @description Roles (over the target place): resident, household-head, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, township-official, county-official
         */
        get: operations["getSpace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/spaces/{spaceId}/adoptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Adopt (认领) a space for your household, as a party member, or for a group; refused when every slot is taken
         * @description Roles (over the target place): resident
         */
        post: operations["adoptSpace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/adoptions/{adoptionId}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release an adopted space (by the adopter, their household, or a cadre); the slot is free again
         * @description Roles (over the target place): resident, cadre
         */
        post: operations["releaseAdoption"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/adoptions/{adoptionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An adoption with its upkeep logs
         * @description Roles (over the target place): resident, household-head, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, township-official, county-official
         */
        get: operations["getAdoption"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/adoptions/{adoptionId}/upkeep": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log upkeep of an adopted space (at most once a day per adoption), with optional photo evidence
         * @description Roles (over the target place): resident
         */
        post: operations["logUpkeep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/evidence-uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A presigned upload URL for a photo or document (upkeep, inspection, violation, rectification evidence)
         * @description Roles (over the target place): resident, inspector, cadre, council-member
         */
        post: operations["requestEvidenceUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/inspections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A village’s inspections between two dates (default the last 90 days); residents see only their own results
         * @description Roles (over the target place): resident, household-head, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, township-official, county-official
         */
        get: operations["listInspections"];
        put?: never;
        /**
         * Schedule an inspection, or record an unannounced one (e.g. a rubbish-sorting spot check) with its results
         * @description Roles (over the target place): inspector
         */
        post: operations["createInspection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/inspections/{inspectionId}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the results of a scheduled inspection (once)
         * @description Roles (over the target place): inspector
         */
        post: operations["recordInspectionResults"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/inspections/{inspectionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One inspection (residents see only their own household’s results)
         * @description Roles (over the target place): resident, household-head, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, township-official, county-official
         */
        get: operations["getInspection"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/violations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A village’s violations by date (default the last 90 days); residents see only their own household’s
         * @description Roles (over the target place): resident, household-head, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, township-official, county-official
         */
        get: operations["listViolations"];
        put?: never;
        /**
         * Record a violation: the article of the version in force on its date applies, with its agreed handling
         * @description Roles (over the target place): inspector, cadre
         */
        post: operations["recordViolation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/violations/{violationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One violation with its appeal, ruling and rectification
         * @description Roles (over the target place): resident, household-head, party-member, representative, grid-worker, cadre, supervisor, treasurer, inspector, council-member, township-official, county-official
         */
        get: operations["getViolation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/violations/{violationId}/appeal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Appeal a violation of your household to the morality review council (once, within 15 days)
         * @description Roles (over the target place): resident
         */
        post: operations["appealViolation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/violations/{violationId}/ruling": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The morality review council upholds or overturns an appealed violation (overturned: consequences reversed)
         * @description Roles (over the target place): council-member
         */
        post: operations["ruleOnAppeal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/violations/{violationId}/rectification/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check and close a violation’s rectification (整改销号), on time or late
         * @description Roles (over the target place): inspector, cadre
         */
        post: operations["closeRectification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/boards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public red/black board of a village (names masked), newest period first; one period with `period` */
        get: operations["getPublicBoards"];
        put?: never;
        /**
         * Compute and publish a village’s red/black lists for an ended period (publishing it again returns the first)
         * @description Roles (over the target place): cadre
         */
        post: operations["publishBoard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compacts/boards/full": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A published board with households, people and every count (for cadres and supervisors)
         * @description Roles (over the target place): cadre, supervisor, township-official, county-official
         */
        get: operations["getBoardInFull"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/scheme-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The schemes shipped as templates (six standards for social-housing communities, household sanitation …) */
        get: operations["listSchemeTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/schemes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Schemes saved at a place, newest first */
        get: operations["listSchemes"];
        put?: never;
        /**
         * Save a new evaluation scheme (from a template or a criteria tree); version 1 is published
         * @description Roles (over the target place): cadre, township-official, county-official
         */
        post: operations["createScheme"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/schemes/{schemeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A scheme (latest version, or ?version=n) or a template; standards are public */
        get: operations["getScheme"];
        /**
         * Save the next version of a scheme (reviews already opened keep the version they recorded)
         * @description Roles (over the target place): cadre, township-official, county-official
         */
        put: operations["reviseScheme"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/scheme-bindings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which scheme each purpose uses at a place (bindings set there; closer places override) */
        get: operations["listSchemeBindings"];
        /**
         * Choose the scheme a purpose (and optionally a project stage) uses at a place and below
         * @description Roles (over the target place): cadre, township-official, county-official
         */
        put: operations["bindScheme"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/projects/{projectId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What evaluation knows of a project: stages reviewed (or superseded by a later stage) and their reviews */
        get: operations["getProjectReviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A village’s reviews, newest first (public: no reviewer appears anywhere in them) */
        get: operations["listReviews"];
        put?: never;
        /**
         * Open a review by hand: a satisfaction survey of chosen (or all) households, or a quality review
         * @description Roles (over the target place): cadre, township-official, county-official
         */
        post: operations["openReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/reviews/{reviewId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A review with the scheme version it scores on */
        get: operations["getReview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/reviews/{reviewId}/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Individual responses with who gave them — for the supervision committee (监委会) only; every read is logged
         * @description Roles (over the target place): supervisor
         */
        get: operations["listReviewResponses"];
        put?: never;
        /**
         * Answer a review: satisfaction once per beneficiary household, quality once per representative/supervisor/expert
         * @description Roles (over the target place): resident, household-head, owner, representative, supervisor, expert
         */
        post: operations["respondToReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/reviews/{reviewId}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Results (anonymous aggregates). Public once published; while open the public sees the response rate only */
        get: operations["getReviewResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/reviews/{reviewId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a review before its deadline and publish its results (opens rectification items below the threshold)
         * @description Roles (over the target place): cadre, township-official, county-official
         */
        post: operations["closeReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/rectifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A village’s rectification items (整改清单), newest first — public, like the results that opened them */
        get: operations["listRectifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/rectifications/{rectificationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A rectification item with its history */
        get: operations["getRectification"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/rectifications/{rectificationId}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The village reports a rectification done, with a note and evidence (photos …)
         * @description Roles (over the target place): cadre
         */
        post: operations["reportRectification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/rectifications/{rectificationId}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The supervision committee accepts (closes) or rejects (reopens) a reported rectification
         * @description Roles (over the target place): supervisor
         */
        post: operations["verifyRectification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/evidence-uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A presigned upload URL for evidence (rectification photos, review minutes) under a village
         * @description Roles (over the target place): cadre, supervisor, township-official, county-official
         */
        post: operations["requestEvaluationEvidenceUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/competitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Competitions and ratings held at a place, newest first */
        get: operations["listCompetitions"];
        put?: never;
        /**
         * Start a competition (最美庭院, 五星级文明户 …) or a periodic household sanitation rating
         * @description Roles (over the target place): cadre, township-official, county-official
         */
        post: operations["createCompetition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/competitions/{competitionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A competition with its nominees (masked names); once decided, the ranking and winners (张榜公布) */
        get: operations["getCompetition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/competitions/{competitionId}/nominations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Nominate a household, person or village (residents nominate in their own village)
         * @description Roles (over the target place): resident, household-head, owner, representative, council-member, party-member, cadre, township-official, county-official
         */
        post: operations["nominate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/competitions/{competitionId}/judging": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close nominations and let the jury score
         * @description Roles (over the target place): cadre, township-official, county-official
         */
        post: operations["startJudging"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/competitions/{competitionId}/scores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A juror scores one nominee on the competition’s scheme (once; never their own household, self or village) */
        post: operations["scoreNominee"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/competitions/{competitionId}/decide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rank the nominees and grant the awards (AwardGranted for each winner); the ranking is published
         * @description Roles (over the target place): cadre, township-official, county-official
         */
        post: operations["decideCompetition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/village-reviews/self": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Step 1: the village scores itself on the village-review scheme (村级自评)
         * @description Roles (over the target place): cadre
         */
        post: operations["submitVillageSelfReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/village-reviews/pairs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * The township pairs its villages for the year’s mutual review (两村互评); fixed once a mutual review is in
         * @description Roles (over the target place): township-official
         */
        put: operations["setMutualReviewPairs"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/village-reviews/mutual": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Step 2: the paired village scores this village on the same scheme version (两村互评)
         * @description Roles (over the target place): cadre
         */
        post: operations["submitMutualReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/village-reviews/township-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Step 3: the township reports a score for each of its villages to the county (镇级自评申报)
         * @description Roles (over the target place): township-official
         */
        post: operations["submitTownshipReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/village-reviews/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Step 4: the county confirms the reported score, or adjusts it — only with a recorded reason (县级审核)
         * @description Roles (over the target place): county-official
         */
        post: operations["verifyVillageReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/village-reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The year’s village reviews in a county, each step’s score (posted publicly, 张榜公布) */
        get: operations["listVillageReviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A county’s assessment runs, newest first */
        get: operations["listAssessments"];
        put?: never;
        /**
         * Start the year-end participation assessment of every village in a county (a batch job; poll its progress)
         * @description Roles (over the target place): county-official
         */
        post: operations["startAssessment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/assessments/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An assessment run and its progress */
        get: operations["getAssessment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/assessment-results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The year’s assessment results of a county: score, every component, KPIs, tier decision and reason (张榜公布) */
        get: operations["listAssessmentResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/participation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A village’s running participation counters for a year and the figures they give now (before the assessment)
         * @description Roles (over the target place): cadre, supervisor, township-official, county-official
         */
        get: operations["getParticipation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation/tiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Current tier of each classified village in a county (pilot 试点村 / remediation 整治村) */
        get: operations["listVillageTiers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rewards/earning-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The earning rules in force in a village: defaults, then county rules, then the village’s overrides
         * @description Roles (over the target place): resident, cadre, grid-worker, supervisor, township-official, county-official, merchant
         */
        get: operations["getEarningRules"];
        /**
         * Set a county’s earning rules or a village’s overrides (积分规则); activities not set fall back
         * @description Roles (over the target place): county-official, township-official, cadre
         */
        put: operations["putEarningRules"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rewards/credits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Credit points for volunteering attendance (志愿服务签到) — cadres and grid workers, never to themselves
         * @description Roles (over the target place): cadre, grid-worker
         */
        post: operations["creditPoints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rewards/reversals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Correct a wrong credit with a reversing entry (冲正); deductions are reversed only by an overturned violation
         * @description Roles (over the target place): cadre
         */
        post: operations["reversePoints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rewards/accounts/{person}/statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A resident’s points statement (积分明细): balances, lots and entries, optionally for a month or year
         * @description Roles (over the target place): resident, cadre, grid-worker, supervisor, township-official, county-official
         */
        get: operations["getPointsStatement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rewards/household-points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A household’s points: each member’s balance and the household total (members and village stewards)
         * @description Roles (over the target place): resident, cadre, grid-worker, supervisor, township-official, county-official
         */
        get: operations["getHouseholdPoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rewards/leaderboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A village’s points leaderboard (积分榜) for a month or a year, by resident or by household; names masked
         * @description Roles (over the target place): resident, cadre, grid-worker, supervisor, township-official, county-official
         */
        get: operations["getLeaderboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rewards/source-facts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What became of a source fact (credited, capped, skipped, deducted, overturned…): “why no points for this?”
         * @description Roles (over the target place): cadre, grid-worker, supervisor, township-official, county-official
         */
        get: operations["getSourceFact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rewards/catalogue-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A merchant offers an item in a village’s or township’s points supermarket, with a price in points and stock
         * @description Roles (over the target place): merchant
         */
        post: operations["listCatalogueItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rewards/catalogue-items/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One catalogue item with its stock counters (on the shelf, held by reservations, sold)
         * @description Roles (over the target place): resident, merchant, cadre, grid-worker, supervisor, township-official, county-official
         */
        get: operations["getCatalogueItem"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * The offering merchant renames, reprices, withdraws or re-offers an item (open reservations keep their price)
         * @description Roles (over the target place): merchant
         */
        patch: operations["changeCatalogueItem"];
        trace?: never;
    };
    "/rewards/catalogue-items/{itemId}/restock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The offering merchant adds stock to an item
         * @description Roles (over the target place): merchant
         */
        post: operations["restockCatalogueItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rewards/catalogue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What residents of a village can redeem: its own supermarket and its township’s
         * @description Roles (over the target place): resident, merchant, cadre, grid-worker, supervisor, township-official, county-official
         */
        get: operations["getCatalogue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rewards/redemptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A resident’s orders, newest first (the resident or the village’s stewards)
         * @description Roles (over the target place): resident, cadre, grid-worker, supervisor, township-official, county-official
         */
        get: operations["listRedemptions"];
        put?: never;
        /**
         * A resident reserves an item: its points and stock are held in one transaction (no oversell, no overdraft)
         * @description Roles (over the target place): resident
         */
        post: operations["reserveRedemption"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rewards/redemptions/{redemptionId}/fulfilment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The offering merchant hands the item over: held points are spent, held stock is sold; never one’s own order
         * @description Roles (over the target place): merchant
         */
        post: operations["fulfilRedemption"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rewards/redemptions/{redemptionId}/cancellation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The resident (own order) or the offering merchant cancels a reservation: points and stock are released
         * @description Roles (over the target place): resident, merchant
         */
        post: operations["cancelRedemption"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rewards/redemptions/{redemptionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One order: the resident who placed it, the merchant of the item, or the village’s stewards
         * @description Roles (over the target place): resident, merchant, cadre, grid-worker, supervisor, township-official, county-official
         */
        get: operations["getRedemption"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rewards/shop-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Orders at a village’s or township’s supermarket, newest first: a merchant sees their own items’ orders
         * @description Roles (over the target place): merchant, cadre, grid-worker, supervisor, township-official, county-official
         */
        get: operations["listShopOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rewards/award-rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Award rounds (public notices) run for a place: by it and by the township and county above it */
        get: operations["listAwardRounds"];
        put?: never;
        /**
         * Open an award round (以奖代补) with budget, applicants, deadline, KPI weights and the allocation rule
         * @description Roles (over the target place): township-official, county-official
         */
        post: operations["openAwardRound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rewards/award-rounds/{roundId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An award round and its published rules (public) */
        get: operations["getAwardRound"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rewards/award-rounds/{roundId}/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The round’s applications (its officials)
         * @description Roles (over the target place): township-official, county-official
         */
        get: operations["listAwardApplications"];
        put?: never;
        /**
         * Apply competitively (竞争性申报): a village through its cadres, a household through its head (or a cadre for it)
         * @description Roles (over the target place): cadre, household-head
         */
        post: operations["applyToAwardRound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rewards/award-rounds/{roundId}/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Household rounds: the round’s reviewers enter an applicant household’s four KPI figures
         * @description Roles (over the target place): township-official, county-official
         */
        put: operations["enterAwardFigures"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rewards/award-rounds/{roundId}/exclusions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The round’s officials exclude an application with a published reason (e.g. no assessment for the year)
         * @description Roles (over the target place): township-official, county-official
         */
        post: operations["excludeAwardApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rewards/award-rounds/{roundId}/publication": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * After the deadline, score and allocate by the published rule and publish inputs and results (差额式奖补)
         * @description Roles (over the target place): township-official, county-official
         */
        post: operations["publishAwardResults"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rewards/award-rounds/{roundId}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A published round’s inputs, inputs hash and awards: anyone can recompute them (public; names masked) */
        get: operations["getAwardResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rewards/village-kpis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The KPI figures evaluation has published for a village, by year (what award rounds score)
         * @description Roles (over the target place): cadre, grid-worker, supervisor, township-official, county-official
         */
        get: operations["getVillageKpis"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rewards/cooperative-shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The cooperative company’s share register (village affairs are public to its residents)
         * @description Roles (over the target place): resident, cadre, treasurer, cadre, grid-worker, supervisor, township-official, county-official
         */
        get: operations["getCooperativeShares"];
        /**
         * Replace the cooperative company’s share register (股金): member households and their shares
         * @description Roles (over the target place): cadre, treasurer
         */
        put: operations["putCooperativeShares"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rewards/dividends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A village’s dividend distributions, newest first; `household` narrows each to that household’s line
         * @description Roles (over the target place): resident, cadre, treasurer, cadre, grid-worker, supervisor, township-official, county-official
         */
        get: operations["listDividends"];
        put?: never;
        /**
         * Split the cooperative’s distributable profit among member households by shares (分红), exactly to the fen
         * @description Roles (over the target place): cadre, treasurer
         */
        post: operations["distributeDividend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/agencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the agencies registered inside a place subtree (operations)
         * @description Roles (over the target place): ops-admin
         */
        get: operations["listAgencies"];
        put?: never;
        /**
         * Register an agency with its jurisdiction, contact and users (运维登记订阅机构)
         * @description Roles (over the target place): ops-admin
         */
        post: operations["registerAgency"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/agencies/{agencyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An agency’s registration (its members or operations)
         * @description Roles (over the target place): agency, ops-admin
         */
        get: operations["getAgency"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/agencies/{agencyId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add users to an agency (operations)
         * @description Roles (over the target place): ops-admin
         */
        post: operations["addAgencyMembers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agency the caller belongs to (for pull clients to discover their jurisdiction) */
        get: operations["myAgency"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/agencies/{agencyId}/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An agency’s subscriptions, with their status and, when paused, why
         * @description Roles (over the target place): agency, ops-admin
         */
        get: operations["listSubscriptions"];
        put?: never;
        /**
         * Subscribe to events in the agency’s jurisdiction: a pattern and a delivery mode (webhook or pull)
         * @description Roles (over the target place): agency
         */
        post: operations["createSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One subscription: pattern, delivery, status (and the pause reason), delivery health
         * @description Roles (over the target place): agency, ops-admin
         */
        get: operations["getSubscription"];
        put?: never;
        post?: never;
        /**
         * Unsubscribe; pending deliveries are dropped, dead letters stay listed until they expire
         * @description Roles (over the target place): agency
         */
        delete: operations["deleteSubscription"];
        options?: never;
        head?: never;
        /**
         * Change a subscription’s name, pattern or webhook URL (optimistic on its version)
         * @description Roles (over the target place): agency
         */
        patch: operations["updateSubscription"];
        trace?: never;
    };
    "/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}/secret-rotations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a new signing secret; the old one keeps signing beside it for the overlap (two signatures)
         * @description Roles (over the target place): agency
         */
        post: operations["rotateSubscriptionSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused subscription, optionally replaying what happened while it was paused
         * @description Roles (over the target place): agency, ops-admin
         */
        post: operations["resumeSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Recent deliveries of a webhook subscription, newest first, with each one’s attempts
         * @description Roles (over the target place): agency, ops-admin
         */
        get: operations["listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The subscription’s dead letters (死信): deliveries that failed for 24 h, oldest first, with the reason
         * @description Roles (over the target place): agency, ops-admin
         */
        get: operations["listDeadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}/dead-letters/redrive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send dead letters again (those named, or the oldest 50): each gets a fresh 24-hour retry window
         * @description Roles (over the target place): agency, ops-admin
         */
        post: operations["redriveDeadLetters"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}/replays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replay a time window of events (by occurrence time) to a webhook subscription, with the original ids
         * @description Roles (over the target place): agency, ops-admin
         */
        post: operations["requestReplay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/agencies/{agencyId}/subscriptions/{subscriptionId}/replays/{replayId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A replay’s progress: events scanned and deliveries queued; completed when the window was walked
         * @description Roles (over the target place): agency, ops-admin
         */
        get: operations["getReplay"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The pull feed: events in the caller’s agency jurisdiction matching its pull subscriptions, as CloudEvents, in commit order per place, with a cursor that never skips or repeats an event
         * @description Roles (over the target place): agency
         */
        get: operations["pullEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/schemas/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** JSON Schema (2020-12) of one event version, named as in the contracts catalog: `<service>.<Type>.v<N>.json` is the bus detail `{meta, data}`, `<service>.<Type>.v<N>.data.json` the CloudEvent `data` (its `dataschema`) */
        get: operations["getEventSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/asyncapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The event catalog: AsyncAPI 3.0 of every event and version, with JSON Schemas and an example each */
        get: operations["getEventCatalog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/places": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A place with its children
         * @description Roles (over the target place): cadre, township-official, county-official, supervisor, ops-admin
         */
        get: operations["getPlace"];
        put?: never;
        /**
         * Register a place under its parent (省市县乡村组、小区、楼栋): operations above the village, officials villages, cadres below
         * @description Roles (over the target place): ops-admin, cadre, township-official, county-official
         */
        post: operations["registerPlace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/places/rename": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rename a place (its path, the id records use, stays)
         * @description Roles (over the target place): ops-admin, cadre, township-official, county-official
         */
        post: operations["renamePlace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/places/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retire a place (撤销) or merge a village into another (撤并村); it stays on record
         * @description Roles (over the target place): ops-admin, cadre, township-official, county-official
         */
        post: operations["retirePlace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/households": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A household with its members (masked)
         * @description Roles (over the target place): cadre, township-official, county-official, supervisor
         */
        get: operations["getHousehold"];
        put?: never;
        /**
         * Register a household (户) with its head and members
         * @description Roles (over the target place): cadre, township-official, county-official
         */
        post: operations["registerHousehold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/households/head": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the head of a household (户主变更) to one of its members
         * @description Roles (over the target place): cadre, township-official, county-official
         */
        post: operations["changeHouseholdHead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A village’s or a household’s people (masked), a page at a time
         * @description Roles (over the target place): cadre, township-official, county-official, supervisor
         */
        get: operations["listPeople"];
        put?: never;
        /**
         * Register a person in a household (a birth, a move in)
         * @description Roles (over the target place): cadre, township-official, county-official
         */
        post: operations["registerPerson"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/people/{personId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One person (masked)
         * @description Roles (over the target place): cadre, township-official, county-official, supervisor
         */
        get: operations["getPerson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change or correct a person (name, phone, ID number, party membership, residence)
         * @description Roles (over the target place): cadre, township-official, county-official
         */
        patch: operations["changePerson"];
        trace?: never;
    };
    "/registry/people/{personId}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a person to another household (PersonMoved, HouseholdChanged for both)
         * @description Roles (over the target place): cadre, township-official, county-official
         */
        post: operations["movePerson"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/people/{personId}/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A person died or moved away: they leave their household and every body that day
         * @description Roles (over the target place): cadre, township-official, county-official
         */
        post: operations["personLeaves"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/properties/owners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record an owner’s share of a property (业主, 专有部分面积) from a day
         * @description Roles (over the target place): cadre, township-official, county-official
         */
        post: operations["recordOwner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/properties/sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a sale: the seller’s term ends and the buyer’s begins the same day
         * @description Roles (over the target place): cadre, township-official, county-official
         */
        post: operations["recordSale"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/properties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A property’s owner history and its owners on a day (today by default)
         * @description Roles (over the target place): cadre, township-official, county-official, supervisor
         */
        get: operations["getProperty"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/memberships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A person takes a seat on a village’s body from a day (an election, an appointment)
         * @description Roles (over the target place): cadre, township-official, county-official
         */
        post: operations["startMembership"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/memberships/{membershipId}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A seat ends (end of term, resignation, recall): `until` is the first day it no longer holds
         * @description Roles (over the target place): cadre, township-official, county-official
         */
        post: operations["endMembership"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/bodies/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who sat on a village’s body on a day (from ≤ day < until); today by default
         * @description Roles (over the target place): cadre, township-official, county-official, supervisor
         */
        get: operations["bodyMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/people/{personId}/record": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A person’s full record, unmasked: needs a purpose, and the read is logged for the county
         * @description Roles (over the target place): cadre, township-official, county-official
         */
        get: operations["getPersonRecord"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/people/{personId}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Everything the registry holds about a person (subject-access request), unmasked and logged
         * @description Roles (over the target place): cadre, township-official, county-official
         */
        get: operations["exportPerson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Reads of unmasked personal data in a county, newest first (who, when, which person, why)
         * @description Roles (over the target place): county-official
         */
        get: operations["listAccessLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/imports/templates/{sheet}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A blank roster sheet as CSV (UTF-8 with BOM, opens in Excel): 303 to a short-lived download with its Chinese file name */
        get: operations["getImportSheetTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/imports/template.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The blank roster workbook (one sheet per roster, each column explained in a note): 303 to a short-lived download */
        get: operations["getImportWorkbookTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a roster import for a scope: one presigned upload URL per file (CSV or XLSX, at most 10 MB each)
         * @description Roles (over the target place): cadre, township-official, county-official, ops-admin
         */
        post: operations["createImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An import: status, the dry run’s report and summary, the apply’s progress (done/total changes)
         * @description Roles (over the target place): cadre, township-official, county-official, ops-admin
         */
        get: operations["getImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/imports/{id}/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Read the uploaded files and compare them with the register: the report (every wrong row) and the summary; nothing is written to the register
         * @description Roles (over the target place): cadre, township-official, county-official, ops-admin
         */
        post: operations["dryRunImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/imports/{id}/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply a clean dry run (202): the import job writes it in chunks, each one transaction with its RegisterImported part
         * @description Roles (over the target place): cadre, township-official, county-official, ops-admin
         */
        post: operations["applyImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programme/evidence-uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A presigned upload for a plan document, a task report’s or a rectification’s evidence at a place
         * @description Roles (over the target place): township-official, county-official, city-official, province-official, cadre
         */
        post: operations["presignProgrammeEvidence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programme/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A level’s plan for a year: where it stands, its history and its current version
         * @description Roles (over the target place): township-official, county-official, city-official, province-official
         */
        get: operations["getImplementationPlan"];
        put?: never;
        /**
         * Write a level’s implementation plan for a year (实施方案: approach, goals, division of responsibility, schedule, documents)
         * @description Roles (over the target place): township-official, county-official, city-official, province-official
         */
        post: operations["writeImplementationPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programme/plans/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One version of a plan as it was written (versions once filed never change)
         * @description Roles (over the target place): township-official, county-official, city-official, province-official
         */
        get: operations["getImplementationPlanVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programme/plans/filing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * File the plan’s current draft with the level above (报送备案); says whether it met the deadline
         * @description Roles (over the target place): township-official, county-official, city-official, province-official
         */
        post: operations["fileImplementationPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programme/plans/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The level above acknowledges a filed plan version (已备案) or returns it with comments (退回修改)
         * @description Roles (over the target place): township-official, county-official, city-official, province-official
         */
        post: operations["reviewImplementationPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programme/plans/filed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The plans filed with a level for a year (what was 报…备案 with it), a page at a time
         * @description Roles (over the target place): township-official, county-official, city-official, province-official
         */
        get: operations["listFiledImplementationPlans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programme/filing-deadlines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the day by which the levels below are to file their plans for a year (e.g. 5 月 20 日)
         * @description Roles (over the target place): township-official, county-official, city-official, province-official
         */
        put: operations["setFilingDeadline"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programme/plans/overdue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The levels below whose plans for the year were not filed by the deadline, or were filed late
         * @description Roles (over the target place): township-official, county-official, city-official, province-official
         */
        get: operations["listOverdueFilings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programme/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A level’s own tasks, deadline first, with today’s flags
         * @description Roles (over the target place): township-official, county-official, city-official, province-official
         */
        get: operations["listProgrammeTasks"];
        put?: never;
        /**
         * A task of the level’s programme with 责任领导/责任单位/责任人员, a deadline and any measurable target
         * @description Roles (over the target place): township-official, county-official, city-official, province-official
         */
        post: operations["assignProgrammeTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programme/tasks/flagged": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * For the level above: the tasks of the levels below past their deadline and still open or short of target
         * @description Roles (over the target place): township-official, county-official, city-official, province-official
         */
        get: operations["listFlaggedTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programme/tasks/{taskId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A task with its flags and its status reports, a page at a time
         * @description Roles (over the target place): township-official, county-official, city-official, province-official
         */
        get: operations["getProgrammeTask"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programme/tasks/{taskId}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A status report on a task: a note, the value reached, whether it is done, evidence
         * @description Roles (over the target place): township-official, county-official, city-official, province-official
         */
        post: operations["reportOnProgrammeTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programme/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The batches a level declared, with their coverage so far (computed from the other services’ events)
         * @description Roles (over the target place): township-official, county-official, city-official, province-official
         */
        get: operations["listPilotBatches"];
        put?: never;
        /**
         * Declare a batch of pilot or demonstration villages (试点村/示范村) for a year with its coverage target
         * @description Roles (over the target place): township-official, county-official, city-official, province-official
         */
        post: operations["declarePilotBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programme/batches/{batchId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A pilot batch and its coverage against its target
         * @description Roles (over the target place): township-official, county-official, city-official, province-official
         */
        get: operations["getPilotBatch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programme/rollups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A township’s, county’s or city’s roll-up for a period: coverage against target, money, satisfaction, participation, tiers, late tasks
         * @description Roles (over the target place): township-official, county-official, city-official, province-official
         */
        get: operations["getProgrammeRollup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programme/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The periodic report a county sends the city (and a city the province), as JSON, generated from the roll-ups
         * @description Roles (over the target place): township-official, county-official, city-official, province-official
         */
        get: operations["getProgrammeReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programme/reports/xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The periodic report as an XLSX workbook: the same period gives the same bytes (sha256); a short-lived download link
         * @description Roles (over the target place): township-official, county-official, city-official, province-official
         */
        get: operations["getProgrammeReportWorkbook"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programme/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A village’s helper teams with who is on duty today
         * @description Roles (over the target place): township-official, county-official, city-official, province-official, cadre
         */
        get: operations["listHelperTeams"];
        put?: never;
        /**
         * Form a helper team for a village (帮扶团队, 驻村工作队, 以奖代补项目辅导员) with its members and their terms
         * @description Roles (over the target place): township-official, county-official, city-official, province-official
         */
        post: operations["formHelperTeam"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programme/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The supervision visits at a place, newest first, with the items past their deadline
         * @description Roles (over the target place): township-official, county-official, city-official, province-official, cadre
         */
        get: operations["listSupervisionVisits"];
        put?: never;
        /**
         * Record a supervision visit (督导) at a place with findings and rectification items, each with a deadline
         * @description Roles (over the target place): township-official, county-official, city-official, province-official
         */
        post: operations["recordSupervisionVisit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/programme/visits/{visitId}/items/{no}/closure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a rectification item of a visit (整改销号) with a note and evidence
         * @description Roles (over the target place): township-official, county-official, city-official, province-official, cadre
         */
        post: operations["closeSupervisionItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Criterion: {
            id: string;
            name: {
                zh: string;
                en: string;
            };
            weightBp: number;
            weight: number;
            scale?: {
                min: number;
                max: number;
            };
            children?: components["schemas"]["Criterion"][];
        };
        CriterionInput: {
            id: string;
            name: {
                zh: string;
                en: string;
            };
            /** @description Decimal in (0, 1], at most 4 places; siblings sum to 1 */
            weight: number | string;
            /** @description Leaves only: the integer range a response scores */
            scale?: {
                min: number;
                max: number;
            };
            children?: components["schemas"]["CriterionInput"][];
        };
        /** @description RFC 9457 problem details; title/detail in zh-CN or en by Accept-Language. */
        Problem: {
            /** Format: uri */
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            /** @description Stable machine-readable reason */
            code: string;
            errors?: {
                /** @enum {unknown} */
                in: "body" | "query" | "path" | "header";
                /** @description JSON pointer into that part of the request */
                pointer: string;
                rule: string;
                message: string;
            }[];
        };
    };
    responses: {
        /** @description Malformed request or invalid path/query */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Missing or invalid token */
        Unauthenticated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A role the route needs does not hold over the target place, or a rule of the route refuses this caller */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Not found (or outside the caller’s jurisdiction) */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Conflict with the current state */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is over 10 MB (API Gateway’s limit) */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not application/json */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Body failed validation or a business rule */
        Unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Unexpected failure (500), kept colliding with other writes (503) or timed out (504); nothing was partially written */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listNeeds: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            needId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            place: string;
                            /** @enum {string} */
                            category: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                            text: string;
                            /** @enum {string} */
                            channel: "household-visit" | "bench-meeting" | "evening-talk" | "courtyard-meeting" | "questionnaire" | "feedback-box" | "online";
                            raisedBy: string;
                            recordedBy: string;
                            /** @enum {string} */
                            status: "raised" | "triaged" | "merged" | "rejected" | "listed";
                            supporters: number;
                            createdAt: string;
                            triagedBy?: string;
                            triagedAt?: string;
                            reason?: string;
                            mergedInto?: string;
                            mergedFrom?: string[];
                            candidateId?: string;
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    raiseNeed: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Where the need is: the village/community or a group, compound or household in it */
                    place: string;
                    /** @enum {string} */
                    category: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                    text: string;
                    /** @enum {string} */
                    channel: "household-visit" | "bench-meeting" | "evening-talk" | "courtyard-meeting" | "questionnaire" | "feedback-box" | "online";
                    onBehalfOf?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        needId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        /** @enum {string} */
                        category: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                        text: string;
                        /** @enum {string} */
                        channel: "household-visit" | "bench-meeting" | "evening-talk" | "courtyard-meeting" | "questionnaire" | "feedback-box" | "online";
                        raisedBy: string;
                        recordedBy: string;
                        /** @enum {string} */
                        status: "raised" | "triaged" | "merged" | "rejected" | "listed";
                        supporters: number;
                        createdAt: string;
                        triagedBy?: string;
                        triagedAt?: string;
                        reason?: string;
                        mergedInto?: string;
                        mergedFrom?: string[];
                        candidateId?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getNeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                needId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        needId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        /** @enum {string} */
                        category: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                        text: string;
                        /** @enum {string} */
                        channel: "household-visit" | "bench-meeting" | "evening-talk" | "courtyard-meeting" | "questionnaire" | "feedback-box" | "online";
                        raisedBy: string;
                        recordedBy: string;
                        /** @enum {string} */
                        status: "raised" | "triaged" | "merged" | "rejected" | "listed";
                        supporters: number;
                        createdAt: string;
                        triagedBy?: string;
                        triagedAt?: string;
                        reason?: string;
                        mergedInto?: string;
                        mergedFrom?: string[];
                        candidateId?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    secondNeed: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                needId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        needId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        /** @enum {string} */
                        category: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                        text: string;
                        /** @enum {string} */
                        channel: "household-visit" | "bench-meeting" | "evening-talk" | "courtyard-meeting" | "questionnaire" | "feedback-box" | "online";
                        raisedBy: string;
                        recordedBy: string;
                        /** @enum {string} */
                        status: "raised" | "triaged" | "merged" | "rejected" | "listed";
                        supporters: number;
                        createdAt: string;
                        triagedBy?: string;
                        triagedAt?: string;
                        reason?: string;
                        mergedInto?: string;
                        mergedFrom?: string[];
                        candidateId?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    triageNeed: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                needId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    action: "accept";
                    /** @enum {string} */
                    category?: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                    note?: string;
                } | {
                    /** @constant */
                    action: "categorise";
                    /** @enum {string} */
                    category: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                } | {
                    /** @constant */
                    action: "merge";
                    into: string;
                } | {
                    /** @constant */
                    action: "reject";
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        needId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        /** @enum {string} */
                        category: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                        text: string;
                        /** @enum {string} */
                        channel: "household-visit" | "bench-meeting" | "evening-talk" | "courtyard-meeting" | "questionnaire" | "feedback-box" | "online";
                        raisedBy: string;
                        recordedBy: string;
                        /** @enum {string} */
                        status: "raised" | "triaged" | "merged" | "rejected" | "listed";
                        supporters: number;
                        createdAt: string;
                        triagedBy?: string;
                        triagedAt?: string;
                        reason?: string;
                        mergedInto?: string;
                        mergedFrom?: string[];
                        candidateId?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listResources: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @enum {string} */
                            kind: "land" | "funds" | "skills" | "volunteers" | "equipment";
                            title: string;
                            description?: string;
                            quantity?: number;
                            unit?: string;
                            amount?: number;
                            providedBy?: string;
                            resourceId: string;
                            /** @enum {string} */
                            status: "available" | "committed" | "used-up";
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    addResource: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    village: string;
                    /** @enum {string} */
                    kind: "land" | "funds" | "skills" | "volunteers" | "equipment";
                    title: string;
                    description?: string;
                    quantity?: number;
                    unit?: string;
                    amount?: number;
                    providedBy?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        kind: "land" | "funds" | "skills" | "volunteers" | "equipment";
                        title: string;
                        description?: string;
                        quantity?: number;
                        unit?: string;
                        amount?: number;
                        providedBy?: string;
                        resourceId: string;
                        /** @enum {string} */
                        status: "available" | "committed" | "used-up";
                        createdBy: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    updateResource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resourceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expectedVersion: number;
                    /** @enum {string} */
                    status?: "available" | "committed" | "used-up";
                    quantity?: number;
                    amount?: number;
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        kind: "land" | "funds" | "skills" | "volunteers" | "equipment";
                        title: string;
                        description?: string;
                        quantity?: number;
                        unit?: string;
                        amount?: number;
                        providedBy?: string;
                        resourceId: string;
                        /** @enum {string} */
                        status: "available" | "committed" | "used-up";
                        createdBy: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listCandidates: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
                order?: "newest" | "supports";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            candidateId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            title: string;
                            description: string;
                            /** @enum {string} */
                            category: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                            needIds: string[];
                            resourceIds: string[];
                            estimatedBudget?: number;
                            supports: number;
                            /** Format: date-time */
                            lastSupportedAt?: string;
                            /** @enum {string} */
                            status: "open" | "planned";
                            planId?: string;
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listCandidate: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    village: string;
                    title: string;
                    /** @default  */
                    description?: string;
                    /** @enum {string} */
                    category: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                    needIds: string[];
                    /** @default [] */
                    resourceIds?: string[];
                    estimatedBudget?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        candidateId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        title: string;
                        description: string;
                        /** @enum {string} */
                        category: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                        needIds: string[];
                        resourceIds: string[];
                        estimatedBudget?: number;
                        supports: number;
                        /** Format: date-time */
                        lastSupportedAt?: string;
                        /** @enum {string} */
                        status: "open" | "planned";
                        planId?: string;
                        createdBy: string;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getCandidate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                candidateId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        candidateId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        title: string;
                        description: string;
                        /** @enum {string} */
                        category: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                        needIds: string[];
                        resourceIds: string[];
                        estimatedBudget?: number;
                        supports: number;
                        /** Format: date-time */
                        lastSupportedAt?: string;
                        /** @enum {string} */
                        status: "open" | "planned";
                        planId?: string;
                        createdBy: string;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    supportCandidate: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                candidateId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        candidateId: string;
                        supports: number;
                        used: number;
                        limit: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getVillageSettings: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        supportLimit: number;
                        noticeDays: {
                            [key: string]: number;
                        };
                        updatedBy?: string;
                        /** Format: date-time */
                        updatedAt?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    setVillageSettings: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    village: string;
                    supportLimit?: number;
                    noticeDays?: {
                        [key: string]: number;
                    };
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        supportLimit: number;
                        noticeDays: {
                            [key: string]: number;
                        };
                        updatedBy?: string;
                        /** Format: date-time */
                        updatedAt?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getVillageSettingsHistory: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            changeId: string;
                            /** @enum {string} */
                            setting: "village-settings" | "chain-policy" | "compound-eligibility";
                            /** @description Place path from the province down, ids joined by "/" */
                            scope: string;
                            kind?: string;
                            before?: {
                                supportLimit: number;
                                noticeDays: {
                                    [key: string]: number;
                                };
                            };
                            after: {
                                supportLimit: number;
                                noticeDays: {
                                    [key: string]: number;
                                };
                            };
                            changedBy: string;
                            /** Format: date-time */
                            changedAt: string;
                            reason: string;
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getDecisionChain: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
                kind: "project-plan" | "compact" | "village-classification" | "project-change";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        kind: "project-plan" | "compact" | "village-classification" | "project-change";
                        chain: {
                            /** @enum {string} */
                            body: "party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council";
                            quorum: {
                                /** @enum {string} */
                                op: "at-least" | "more-than";
                                num: number;
                                den: number;
                            };
                            passing: {
                                /** @enum {string} */
                                of: "cast" | "members";
                                share: {
                                    /** @enum {string} */
                                    op: "at-least" | "more-than";
                                    num: number;
                                    den: number;
                                };
                            };
                            /** @enum {string} */
                            onFail: "return" | "end";
                        }[];
                        isDefault: boolean;
                        version: number;
                        configuredBy?: string;
                        /** Format: date-time */
                        configuredAt?: string;
                        changeId?: string;
                        approvedBy?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    proposeDecisionChain: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    village: string;
                    /** @enum {string} */
                    kind: "project-plan" | "compact" | "village-classification" | "project-change";
                    steps: {
                        /** @enum {string} */
                        body: "party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council";
                        quorum: {
                            /** @enum {string} */
                            op: "at-least" | "more-than";
                            num: number;
                            den: number;
                        };
                        passing: {
                            /** @enum {string} */
                            of: "cast" | "members";
                            share: {
                                /** @enum {string} */
                                op: "at-least" | "more-than";
                                num: number;
                                den: number;
                            };
                        };
                        /** @enum {string} */
                        onFail: "return" | "end";
                    }[];
                    expectedVersion: number;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        changeId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        kind: "project-plan" | "compact" | "village-classification" | "project-change";
                        /** @enum {string} */
                        status: "pending" | "approved" | "declined";
                        before: {
                            /** @enum {string} */
                            body: "party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council";
                            quorum: {
                                /** @enum {string} */
                                op: "at-least" | "more-than";
                                num: number;
                                den: number;
                            };
                            passing: {
                                /** @enum {string} */
                                of: "cast" | "members";
                                share: {
                                    /** @enum {string} */
                                    op: "at-least" | "more-than";
                                    num: number;
                                    den: number;
                                };
                            };
                            /** @enum {string} */
                            onFail: "return" | "end";
                        }[];
                        baseVersion: number;
                        after: {
                            /** @enum {string} */
                            body: "party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council";
                            quorum: {
                                /** @enum {string} */
                                op: "at-least" | "more-than";
                                num: number;
                                den: number;
                            };
                            passing: {
                                /** @enum {string} */
                                of: "cast" | "members";
                                share: {
                                    /** @enum {string} */
                                    op: "at-least" | "more-than";
                                    num: number;
                                    den: number;
                                };
                            };
                            /** @enum {string} */
                            onFail: "return" | "end";
                        }[];
                        reason: string;
                        proposedBy: string;
                        /** Format: date-time */
                        proposedAt: string;
                        decidedBy?: string;
                        /** Format: date-time */
                        decidedAt?: string;
                        decisionReason?: string;
                        version?: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    decideDecisionChainChange: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    approve: boolean;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        changeId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        kind: "project-plan" | "compact" | "village-classification" | "project-change";
                        /** @enum {string} */
                        status: "pending" | "approved" | "declined";
                        before: {
                            /** @enum {string} */
                            body: "party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council";
                            quorum: {
                                /** @enum {string} */
                                op: "at-least" | "more-than";
                                num: number;
                                den: number;
                            };
                            passing: {
                                /** @enum {string} */
                                of: "cast" | "members";
                                share: {
                                    /** @enum {string} */
                                    op: "at-least" | "more-than";
                                    num: number;
                                    den: number;
                                };
                            };
                            /** @enum {string} */
                            onFail: "return" | "end";
                        }[];
                        baseVersion: number;
                        after: {
                            /** @enum {string} */
                            body: "party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council";
                            quorum: {
                                /** @enum {string} */
                                op: "at-least" | "more-than";
                                num: number;
                                den: number;
                            };
                            passing: {
                                /** @enum {string} */
                                of: "cast" | "members";
                                share: {
                                    /** @enum {string} */
                                    op: "at-least" | "more-than";
                                    num: number;
                                    den: number;
                                };
                            };
                            /** @enum {string} */
                            onFail: "return" | "end";
                        }[];
                        reason: string;
                        proposedBy: string;
                        /** Format: date-time */
                        proposedAt: string;
                        decidedBy?: string;
                        /** Format: date-time */
                        decidedAt?: string;
                        decisionReason?: string;
                        version?: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getDecisionChainHistory: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
                kind: "project-plan" | "compact" | "village-classification" | "project-change";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            changeId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @enum {string} */
                            kind: "project-plan" | "compact" | "village-classification" | "project-change";
                            /** @enum {string} */
                            status: "pending" | "approved" | "declined";
                            before: {
                                /** @enum {string} */
                                body: "party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council";
                                quorum: {
                                    /** @enum {string} */
                                    op: "at-least" | "more-than";
                                    num: number;
                                    den: number;
                                };
                                passing: {
                                    /** @enum {string} */
                                    of: "cast" | "members";
                                    share: {
                                        /** @enum {string} */
                                        op: "at-least" | "more-than";
                                        num: number;
                                        den: number;
                                    };
                                };
                                /** @enum {string} */
                                onFail: "return" | "end";
                            }[];
                            baseVersion: number;
                            after: {
                                /** @enum {string} */
                                body: "party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council";
                                quorum: {
                                    /** @enum {string} */
                                    op: "at-least" | "more-than";
                                    num: number;
                                    den: number;
                                };
                                passing: {
                                    /** @enum {string} */
                                    of: "cast" | "members";
                                    share: {
                                        /** @enum {string} */
                                        op: "at-least" | "more-than";
                                        num: number;
                                        den: number;
                                    };
                                };
                                /** @enum {string} */
                                onFail: "return" | "end";
                            }[];
                            reason: string;
                            proposedBy: string;
                            /** Format: date-time */
                            proposedAt: string;
                            decidedBy?: string;
                            /** Format: date-time */
                            decidedAt?: string;
                            decisionReason?: string;
                            version?: number;
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getChainPolicy: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                place: string;
                kind: "project-plan" | "compact" | "village-classification" | "project-change";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        fromFen: number;
                        required: {
                            bodies: ("party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council")[];
                            quorum: {
                                /** @enum {string} */
                                op: "at-least" | "more-than";
                                num: number;
                                den: number;
                            };
                            passing: {
                                /** @enum {string} */
                                of: "cast" | "members";
                                share: {
                                    /** @enum {string} */
                                    op: "at-least" | "more-than";
                                    num: number;
                                    den: number;
                                };
                            };
                        }[];
                        /** @description Place path from the province down, ids joined by "/" */
                        scope?: string;
                        /** @enum {string} */
                        kind: "project-plan" | "compact" | "village-classification" | "project-change";
                        isDefault: boolean;
                        version: number;
                        setBy?: string;
                        /** Format: date-time */
                        setAt?: string;
                        reason?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    setChainPolicy: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    fromFen: number;
                    required: {
                        bodies: ("party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council")[];
                        quorum: {
                            /** @enum {string} */
                            op: "at-least" | "more-than";
                            num: number;
                            den: number;
                        };
                        passing: {
                            /** @enum {string} */
                            of: "cast" | "members";
                            share: {
                                /** @enum {string} */
                                op: "at-least" | "more-than";
                                num: number;
                                den: number;
                            };
                        };
                    }[];
                    /** @description Place path from the province down, ids joined by "/" */
                    scope: string;
                    /** @enum {string} */
                    kind: "project-plan" | "compact" | "village-classification" | "project-change";
                    reason: string;
                    expectedVersion: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        fromFen: number;
                        required: {
                            bodies: ("party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council")[];
                            quorum: {
                                /** @enum {string} */
                                op: "at-least" | "more-than";
                                num: number;
                                den: number;
                            };
                            passing: {
                                /** @enum {string} */
                                of: "cast" | "members";
                                share: {
                                    /** @enum {string} */
                                    op: "at-least" | "more-than";
                                    num: number;
                                    den: number;
                                };
                            };
                        }[];
                        /** @description Place path from the province down, ids joined by "/" */
                        scope?: string;
                        /** @enum {string} */
                        kind: "project-plan" | "compact" | "village-classification" | "project-change";
                        isDefault: boolean;
                        version: number;
                        setBy?: string;
                        /** Format: date-time */
                        setAt?: string;
                        reason?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getChainPolicyHistory: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                scope: string;
                kind: "project-plan" | "compact" | "village-classification" | "project-change";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            changeId: string;
                            /** @enum {string} */
                            setting: "village-settings" | "chain-policy" | "compound-eligibility";
                            /** @description Place path from the province down, ids joined by "/" */
                            scope: string;
                            kind?: string;
                            before?: {
                                fromFen: number;
                                required: {
                                    bodies: ("party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council")[];
                                    quorum: {
                                        /** @enum {string} */
                                        op: "at-least" | "more-than";
                                        num: number;
                                        den: number;
                                    };
                                    passing: {
                                        /** @enum {string} */
                                        of: "cast" | "members";
                                        share: {
                                            /** @enum {string} */
                                            op: "at-least" | "more-than";
                                            num: number;
                                            den: number;
                                        };
                                    };
                                }[];
                            };
                            after: {
                                fromFen: number;
                                required: {
                                    bodies: ("party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council")[];
                                    quorum: {
                                        /** @enum {string} */
                                        op: "at-least" | "more-than";
                                        num: number;
                                        den: number;
                                    };
                                    passing: {
                                        /** @enum {string} */
                                        of: "cast" | "members";
                                        share: {
                                            /** @enum {string} */
                                            op: "at-least" | "more-than";
                                            num: number;
                                            den: number;
                                        };
                                    };
                                }[];
                            };
                            changedBy: string;
                            /** Format: date-time */
                            changedAt: string;
                            reason: string;
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getCompoundEligibility: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                compound: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        compound: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        multiStorey: boolean;
                        structurallySafe: boolean;
                        onDemolitionPlan: boolean;
                        /** @default [] */
                        evidence: {
                            key: string;
                            contentType?: string;
                            sha256?: string;
                        }[];
                        recordedBy: string;
                        /** Format: date-time */
                        recordedAt: string;
                        eligible: boolean;
                        failing: string[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    recordCompoundEligibility: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    compound: string;
                    multiStorey: boolean;
                    structurallySafe: boolean;
                    onDemolitionPlan: boolean;
                    /** @default [] */
                    evidence?: {
                        key: string;
                        contentType?: string;
                        sha256?: string;
                    }[];
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        compound: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        multiStorey: boolean;
                        structurallySafe: boolean;
                        onDemolitionPlan: boolean;
                        /** @default [] */
                        evidence: {
                            key: string;
                            contentType?: string;
                            sha256?: string;
                        }[];
                        recordedBy: string;
                        /** Format: date-time */
                        recordedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getCompoundEligibilityHistory: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                compound: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            changeId: string;
                            /** @enum {string} */
                            setting: "village-settings" | "chain-policy" | "compound-eligibility";
                            /** @description Place path from the province down, ids joined by "/" */
                            scope: string;
                            kind?: string;
                            before?: {
                                multiStorey: boolean;
                                structurallySafe: boolean;
                                onDemolitionPlan: boolean;
                            };
                            after: {
                                multiStorey: boolean;
                                structurallySafe: boolean;
                                onDemolitionPlan: boolean;
                            };
                            changedBy: string;
                            /** Format: date-time */
                            changedAt: string;
                            reason: string;
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    requestDeliberationEvidenceUpload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    filename: string;
                    /** @enum {string} */
                    contentType: "image/jpeg" | "image/png" | "image/webp" | "image/heic" | "video/mp4" | "video/quicktime" | "application/pdf" | "text/plain";
                    /** @description The exact size of the file in bytes; the upload must send exactly this many. */
                    size: number;
                    /** @description Place path from the province down, ids joined by "/" */
                    village: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        uploadUrl: string;
                        /** @constant */
                        method: "PUT";
                        headers: {
                            [key: string]: string;
                        };
                        expiresAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listPlans: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            planId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            candidateId?: string;
                            currentVersion: number;
                            title: string;
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    draftPlan: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    description: string;
                    /** @enum {string} */
                    category: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                    /** @enum {string} */
                    builder: "residents" | "cooperative" | "contractor";
                    /** @enum {string} */
                    renovationClass?: "basic" | "improvement" | "enhancement";
                    budget: number;
                    beneficiaries: string[];
                    contractor?: string;
                    /** @description Place path from the province down, ids joined by "/" */
                    place: string;
                    consentPollId?: string;
                    /** @description Place path from the province down, ids joined by "/" */
                    village: string;
                    candidateId?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        planId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        candidateId?: string;
                        currentVersion: number;
                        title: string;
                        createdBy: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        current: {
                            title: string;
                            description: string;
                            /** @enum {string} */
                            category: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                            /** @enum {string} */
                            builder: "residents" | "cooperative" | "contractor";
                            /** @enum {string} */
                            renovationClass?: "basic" | "improvement" | "enhancement";
                            budget: number;
                            beneficiaries: string[];
                            contractor?: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            place: string;
                            consentPollId?: string;
                            planId: string;
                            version: number;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            sessionId?: string;
                            changeNote?: string;
                        };
                        versions: {
                            version: number;
                            createdAt: string;
                            sessionId?: string;
                            changeNote?: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                planId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        planId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        candidateId?: string;
                        currentVersion: number;
                        title: string;
                        createdBy: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        current: {
                            title: string;
                            description: string;
                            /** @enum {string} */
                            category: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                            /** @enum {string} */
                            builder: "residents" | "cooperative" | "contractor";
                            /** @enum {string} */
                            renovationClass?: "basic" | "improvement" | "enhancement";
                            budget: number;
                            beneficiaries: string[];
                            contractor?: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            place: string;
                            consentPollId?: string;
                            planId: string;
                            version: number;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            sessionId?: string;
                            changeNote?: string;
                        };
                        versions: {
                            version: number;
                            createdAt: string;
                            sessionId?: string;
                            changeNote?: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getPlanVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                planId: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        title: string;
                        description: string;
                        /** @enum {string} */
                        category: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                        /** @enum {string} */
                        builder: "residents" | "cooperative" | "contractor";
                        /** @enum {string} */
                        renovationClass?: "basic" | "improvement" | "enhancement";
                        budget: number;
                        beneficiaries: string[];
                        contractor?: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        consentPollId?: string;
                        planId: string;
                        version: number;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string;
                        sessionId?: string;
                        changeNote?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    recordDiscussion: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    planId: string;
                    basedOnVersion: number;
                    /** Format: date-time */
                    heldAt: string;
                    location?: string;
                    attendees: ({
                        person: string;
                        /** @enum {string} */
                        party: "government" | "society" | "residents";
                    } | {
                        name: string;
                        organisation?: string;
                        /** @enum {string} */
                        party: "government" | "society" | "residents";
                    })[];
                    positions: {
                        /** @enum {string} */
                        party: "government" | "society" | "residents";
                        speaker?: string;
                        text: string;
                    }[];
                    minutes: {
                        key: string;
                        contentType?: string;
                        sha256?: string;
                    };
                    /** @default [] */
                    photos?: {
                        key: string;
                        contentType?: string;
                        sha256?: string;
                    }[];
                    revision: {
                        title?: string;
                        description?: string;
                        /** @enum {string} */
                        category?: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                        /** @enum {string} */
                        builder?: "residents" | "cooperative" | "contractor";
                        /** @enum {string} */
                        renovationClass?: "basic" | "improvement" | "enhancement";
                        budget?: number;
                        beneficiaries?: string[];
                        contractor?: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        place?: string;
                        consentPollId?: string;
                        changeNote: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        discussion: {
                            sessionId: string;
                            planId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            basedOnVersion: number;
                            planVersion: number;
                            /** Format: date-time */
                            heldAt: string;
                            location?: string;
                            parties: ("government" | "society" | "residents")[];
                            attendees: ({
                                person: string;
                                /** @enum {string} */
                                party: "government" | "society" | "residents";
                            } | {
                                name: string;
                                organisation?: string;
                                /** @enum {string} */
                                party: "government" | "society" | "residents";
                            })[];
                            residentAttendees: string[];
                            otherAttendees: number;
                            positions: {
                                /** @enum {string} */
                                party: "government" | "society" | "residents";
                                speaker?: string;
                                text: string;
                            }[];
                            minutes: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            };
                            photos: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            }[];
                            recordedBy: string;
                            /** Format: date-time */
                            recordedAt: string;
                        };
                        plan: {
                            title: string;
                            description: string;
                            /** @enum {string} */
                            category: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                            /** @enum {string} */
                            builder: "residents" | "cooperative" | "contractor";
                            /** @enum {string} */
                            renovationClass?: "basic" | "improvement" | "enhancement";
                            budget: number;
                            beneficiaries: string[];
                            contractor?: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            place: string;
                            consentPollId?: string;
                            planId: string;
                            version: number;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            sessionId?: string;
                            changeNote?: string;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getDiscussion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessionId: string;
                        planId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        basedOnVersion: number;
                        planVersion: number;
                        /** Format: date-time */
                        heldAt: string;
                        location?: string;
                        parties: ("government" | "society" | "residents")[];
                        attendees: ({
                            person: string;
                            /** @enum {string} */
                            party: "government" | "society" | "residents";
                        } | {
                            name: string;
                            organisation?: string;
                            /** @enum {string} */
                            party: "government" | "society" | "residents";
                        })[];
                        residentAttendees: string[];
                        otherAttendees: number;
                        positions: {
                            /** @enum {string} */
                            party: "government" | "society" | "residents";
                            speaker?: string;
                            text: string;
                        }[];
                        minutes: {
                            key: string;
                            contentType?: string;
                            sha256?: string;
                        };
                        photos: {
                            key: string;
                            contentType?: string;
                            sha256?: string;
                        }[];
                        recordedBy: string;
                        /** Format: date-time */
                        recordedAt: string;
                        links: {
                            minutes: string;
                            photos: string[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listPlanDiscussions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                planId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            sessionId: string;
                            planId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            basedOnVersion: number;
                            planVersion: number;
                            /** Format: date-time */
                            heldAt: string;
                            location?: string;
                            parties: ("government" | "society" | "residents")[];
                            attendees: ({
                                person: string;
                                /** @enum {string} */
                                party: "government" | "society" | "residents";
                            } | {
                                name: string;
                                organisation?: string;
                                /** @enum {string} */
                                party: "government" | "society" | "residents";
                            })[];
                            residentAttendees: string[];
                            otherAttendees: number;
                            positions: {
                                /** @enum {string} */
                                party: "government" | "society" | "residents";
                                speaker?: string;
                                text: string;
                            }[];
                            minutes: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            };
                            photos: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            }[];
                            recordedBy: string;
                            /** Format: date-time */
                            recordedAt: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listProposals: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            proposalId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @enum {string} */
                            kind: "project-plan" | "compact" | "village-classification" | "project-change";
                            title: string;
                            subject: {
                                /** @constant */
                                kind: "project-plan";
                                plan: {
                                    planId: string;
                                    planVersion: number;
                                    title: string;
                                    description: string;
                                    /** @enum {string} */
                                    category: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                                    /** @enum {string} */
                                    builder: "residents" | "cooperative" | "contractor";
                                    /** @enum {string} */
                                    renovationClass?: "basic" | "improvement" | "enhancement";
                                    budget: number;
                                    beneficiaries: string[];
                                    contractor?: string;
                                    /** @description Place path from the province down, ids joined by "/" */
                                    place: string;
                                    /** @description Place path from the province down, ids joined by "/" */
                                    compound?: string;
                                    consentPollId?: string;
                                };
                            } | {
                                /** @constant */
                                kind: "compact";
                                compactId: string;
                                version: number;
                            } | {
                                /** @constant */
                                kind: "village-classification";
                                /** @enum {string} */
                                classification: "pilot" | "remediation";
                                reasons?: string;
                            } | {
                                /** @constant */
                                kind: "project-change";
                                projectId: string;
                                changeId: string;
                                description: string;
                                budget?: number;
                                previousBudget: number;
                                requestedBy: string;
                            };
                            chain: {
                                /** @enum {string} */
                                body: "party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council";
                                quorum: {
                                    /** @enum {string} */
                                    op: "at-least" | "more-than";
                                    num: number;
                                    den: number;
                                };
                                passing: {
                                    /** @enum {string} */
                                    of: "cast" | "members";
                                    share: {
                                        /** @enum {string} */
                                        op: "at-least" | "more-than";
                                        num: number;
                                        den: number;
                                    };
                                };
                                /** @enum {string} */
                                onFail: "return" | "end";
                            }[];
                            secret: boolean;
                            /** @enum {string} */
                            status: "voting" | "returned" | "rejected" | "notice" | "reopened" | "final";
                            round: number;
                            step: number;
                            notice?: {
                                round: number;
                                /** Format: date-time */
                                startsAt: string;
                                /** Format: date-time */
                                endsAt: string;
                                days: number;
                            };
                            pendingObjections: number;
                            stoppedBy?: {
                                round: number;
                                step?: number;
                                body?: string;
                                /** @enum {string} */
                                reason: "quorum-not-met" | "threshold-not-met" | "objection-sustained";
                                objectionId?: string;
                                note?: string;
                            };
                            submittedBy: string;
                            /** Format: date-time */
                            submittedAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** Format: date-time */
                            adoptedAt?: string;
                            /** Format: date-time */
                            finalAt?: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            filedWith?: string;
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    submitProposal: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    kind: "project-plan";
                    /** @description Place path from the province down, ids joined by "/" */
                    village: string;
                    planId: string;
                    planVersion?: number;
                    consentPollId?: string;
                    title?: string;
                    /**
                     * @description Secret ballot: totals public, individual choices only to the supervision committee
                     * @default false
                     */
                    secret?: boolean;
                } | {
                    /** @constant */
                    kind: "compact";
                    /** @description Place path from the province down, ids joined by "/" */
                    village: string;
                    compactId: string;
                    version: number;
                    title: string;
                    /**
                     * @description Secret ballot: totals public, individual choices only to the supervision committee
                     * @default false
                     */
                    secret?: boolean;
                } | {
                    /** @constant */
                    kind: "village-classification";
                    /** @description Place path from the province down, ids joined by "/" */
                    village: string;
                    /** @enum {string} */
                    classification: "pilot" | "remediation";
                    reasons?: string;
                    title?: string;
                    /**
                     * @description Secret ballot: totals public, individual choices only to the supervision committee
                     * @default false
                     */
                    secret?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        proposalId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        kind: "project-plan" | "compact" | "village-classification" | "project-change";
                        title: string;
                        subject: {
                            /** @constant */
                            kind: "project-plan";
                            plan: {
                                planId: string;
                                planVersion: number;
                                title: string;
                                description: string;
                                /** @enum {string} */
                                category: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                                /** @enum {string} */
                                builder: "residents" | "cooperative" | "contractor";
                                /** @enum {string} */
                                renovationClass?: "basic" | "improvement" | "enhancement";
                                budget: number;
                                beneficiaries: string[];
                                contractor?: string;
                                /** @description Place path from the province down, ids joined by "/" */
                                place: string;
                                /** @description Place path from the province down, ids joined by "/" */
                                compound?: string;
                                consentPollId?: string;
                            };
                        } | {
                            /** @constant */
                            kind: "compact";
                            compactId: string;
                            version: number;
                        } | {
                            /** @constant */
                            kind: "village-classification";
                            /** @enum {string} */
                            classification: "pilot" | "remediation";
                            reasons?: string;
                        } | {
                            /** @constant */
                            kind: "project-change";
                            projectId: string;
                            changeId: string;
                            description: string;
                            budget?: number;
                            previousBudget: number;
                            requestedBy: string;
                        };
                        chain: {
                            /** @enum {string} */
                            body: "party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council";
                            quorum: {
                                /** @enum {string} */
                                op: "at-least" | "more-than";
                                num: number;
                                den: number;
                            };
                            passing: {
                                /** @enum {string} */
                                of: "cast" | "members";
                                share: {
                                    /** @enum {string} */
                                    op: "at-least" | "more-than";
                                    num: number;
                                    den: number;
                                };
                            };
                            /** @enum {string} */
                            onFail: "return" | "end";
                        }[];
                        secret: boolean;
                        /** @enum {string} */
                        status: "voting" | "returned" | "rejected" | "notice" | "reopened" | "final";
                        round: number;
                        step: number;
                        notice?: {
                            round: number;
                            /** Format: date-time */
                            startsAt: string;
                            /** Format: date-time */
                            endsAt: string;
                            days: number;
                        };
                        pendingObjections: number;
                        stoppedBy?: {
                            round: number;
                            step?: number;
                            body?: string;
                            /** @enum {string} */
                            reason: "quorum-not-met" | "threshold-not-met" | "objection-sustained";
                            objectionId?: string;
                            note?: string;
                        };
                        submittedBy: string;
                        /** Format: date-time */
                        submittedAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** Format: date-time */
                        adoptedAt?: string;
                        /** Format: date-time */
                        finalAt?: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        filedWith?: string;
                        steps: {
                            round: number;
                            step: number;
                            body: string;
                            rule: {
                                /** @enum {string} */
                                body: "party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council";
                                quorum: {
                                    /** @enum {string} */
                                    op: "at-least" | "more-than";
                                    num: number;
                                    den: number;
                                };
                                passing: {
                                    /** @enum {string} */
                                    of: "cast" | "members";
                                    share: {
                                        /** @enum {string} */
                                        op: "at-least" | "more-than";
                                        num: number;
                                        den: number;
                                    };
                                };
                                /** @enum {string} */
                                onFail: "return" | "end";
                            };
                            members: number;
                            /** @enum {string} */
                            status: "open" | "passed" | "failed";
                            openedAt: string;
                            tally: {
                                yes: number;
                                no: number;
                                abstain: number;
                                cast: number;
                            };
                            resolvedAt?: string;
                            resolution?: {
                                passed: boolean;
                                reason?: string;
                                quorum: {
                                    part: number;
                                    whole: number;
                                    required: {
                                        op: string;
                                        num: number;
                                        den: number;
                                    };
                                    held: boolean;
                                    needed: number;
                                    margin: number;
                                };
                                passing: {
                                    part: number;
                                    whole: number;
                                    required: {
                                        op: string;
                                        num: number;
                                        den: number;
                                    };
                                    held: boolean;
                                    needed: number;
                                    margin: number;
                                };
                            };
                            outcome?: string;
                            note?: string;
                            meeting?: {
                                signedIn: number;
                                minutes: string;
                                heldAt: string;
                            };
                        }[];
                        implementation?: {
                            projectId: string;
                            acceptedAt: string;
                            budget: number;
                            spent: number;
                            beneficiaries: string[];
                            disclosedAt: string;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getProposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        proposalId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        kind: "project-plan" | "compact" | "village-classification" | "project-change";
                        title: string;
                        subject: {
                            /** @constant */
                            kind: "project-plan";
                            plan: {
                                planId: string;
                                planVersion: number;
                                title: string;
                                description: string;
                                /** @enum {string} */
                                category: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                                /** @enum {string} */
                                builder: "residents" | "cooperative" | "contractor";
                                /** @enum {string} */
                                renovationClass?: "basic" | "improvement" | "enhancement";
                                budget: number;
                                beneficiaries: string[];
                                contractor?: string;
                                /** @description Place path from the province down, ids joined by "/" */
                                place: string;
                                /** @description Place path from the province down, ids joined by "/" */
                                compound?: string;
                                consentPollId?: string;
                            };
                        } | {
                            /** @constant */
                            kind: "compact";
                            compactId: string;
                            version: number;
                        } | {
                            /** @constant */
                            kind: "village-classification";
                            /** @enum {string} */
                            classification: "pilot" | "remediation";
                            reasons?: string;
                        } | {
                            /** @constant */
                            kind: "project-change";
                            projectId: string;
                            changeId: string;
                            description: string;
                            budget?: number;
                            previousBudget: number;
                            requestedBy: string;
                        };
                        chain: {
                            /** @enum {string} */
                            body: "party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council";
                            quorum: {
                                /** @enum {string} */
                                op: "at-least" | "more-than";
                                num: number;
                                den: number;
                            };
                            passing: {
                                /** @enum {string} */
                                of: "cast" | "members";
                                share: {
                                    /** @enum {string} */
                                    op: "at-least" | "more-than";
                                    num: number;
                                    den: number;
                                };
                            };
                            /** @enum {string} */
                            onFail: "return" | "end";
                        }[];
                        secret: boolean;
                        /** @enum {string} */
                        status: "voting" | "returned" | "rejected" | "notice" | "reopened" | "final";
                        round: number;
                        step: number;
                        notice?: {
                            round: number;
                            /** Format: date-time */
                            startsAt: string;
                            /** Format: date-time */
                            endsAt: string;
                            days: number;
                        };
                        pendingObjections: number;
                        stoppedBy?: {
                            round: number;
                            step?: number;
                            body?: string;
                            /** @enum {string} */
                            reason: "quorum-not-met" | "threshold-not-met" | "objection-sustained";
                            objectionId?: string;
                            note?: string;
                        };
                        submittedBy: string;
                        /** Format: date-time */
                        submittedAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** Format: date-time */
                        adoptedAt?: string;
                        /** Format: date-time */
                        finalAt?: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        filedWith?: string;
                        steps: {
                            round: number;
                            step: number;
                            body: string;
                            rule: {
                                /** @enum {string} */
                                body: "party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council";
                                quorum: {
                                    /** @enum {string} */
                                    op: "at-least" | "more-than";
                                    num: number;
                                    den: number;
                                };
                                passing: {
                                    /** @enum {string} */
                                    of: "cast" | "members";
                                    share: {
                                        /** @enum {string} */
                                        op: "at-least" | "more-than";
                                        num: number;
                                        den: number;
                                    };
                                };
                                /** @enum {string} */
                                onFail: "return" | "end";
                            };
                            members: number;
                            /** @enum {string} */
                            status: "open" | "passed" | "failed";
                            openedAt: string;
                            tally: {
                                yes: number;
                                no: number;
                                abstain: number;
                                cast: number;
                            };
                            resolvedAt?: string;
                            resolution?: {
                                passed: boolean;
                                reason?: string;
                                quorum: {
                                    part: number;
                                    whole: number;
                                    required: {
                                        op: string;
                                        num: number;
                                        den: number;
                                    };
                                    held: boolean;
                                    needed: number;
                                    margin: number;
                                };
                                passing: {
                                    part: number;
                                    whole: number;
                                    required: {
                                        op: string;
                                        num: number;
                                        den: number;
                                    };
                                    held: boolean;
                                    needed: number;
                                    margin: number;
                                };
                            };
                            outcome?: string;
                            note?: string;
                            meeting?: {
                                signedIn: number;
                                minutes: string;
                                heldAt: string;
                            };
                        }[];
                        implementation?: {
                            projectId: string;
                            acceptedAt: string;
                            budget: number;
                            spent: number;
                            beneficiaries: string[];
                            disclosedAt: string;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getTally: {
        parameters: {
            query?: {
                round?: number;
                step?: number;
            };
            header?: never;
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        round: number;
                        step: number;
                        body: string;
                        rule: {
                            /** @enum {string} */
                            body: "party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council";
                            quorum: {
                                /** @enum {string} */
                                op: "at-least" | "more-than";
                                num: number;
                                den: number;
                            };
                            passing: {
                                /** @enum {string} */
                                of: "cast" | "members";
                                share: {
                                    /** @enum {string} */
                                    op: "at-least" | "more-than";
                                    num: number;
                                    den: number;
                                };
                            };
                            /** @enum {string} */
                            onFail: "return" | "end";
                        };
                        members: number;
                        /** @enum {string} */
                        status: "open" | "passed" | "failed";
                        openedAt: string;
                        tally: {
                            yes: number;
                            no: number;
                            abstain: number;
                            cast: number;
                        };
                        resolvedAt?: string;
                        resolution?: {
                            passed: boolean;
                            reason?: string;
                            quorum: {
                                part: number;
                                whole: number;
                                required: {
                                    op: string;
                                    num: number;
                                    den: number;
                                };
                                held: boolean;
                                needed: number;
                                margin: number;
                            };
                            passing: {
                                part: number;
                                whole: number;
                                required: {
                                    op: string;
                                    num: number;
                                    den: number;
                                };
                                held: boolean;
                                needed: number;
                                margin: number;
                            };
                        };
                        outcome?: string;
                        note?: string;
                        meeting?: {
                            signedIn: number;
                            minutes: string;
                            heldAt: string;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    resolveStep: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    step: number;
                    note?: string;
                    signIn: string[];
                    minutes: {
                        key: string;
                        contentType?: string;
                        sha256?: string;
                    };
                    /** Format: date-time */
                    heldAt?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        proposalId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        kind: "project-plan" | "compact" | "village-classification" | "project-change";
                        title: string;
                        subject: {
                            /** @constant */
                            kind: "project-plan";
                            plan: {
                                planId: string;
                                planVersion: number;
                                title: string;
                                description: string;
                                /** @enum {string} */
                                category: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                                /** @enum {string} */
                                builder: "residents" | "cooperative" | "contractor";
                                /** @enum {string} */
                                renovationClass?: "basic" | "improvement" | "enhancement";
                                budget: number;
                                beneficiaries: string[];
                                contractor?: string;
                                /** @description Place path from the province down, ids joined by "/" */
                                place: string;
                                /** @description Place path from the province down, ids joined by "/" */
                                compound?: string;
                                consentPollId?: string;
                            };
                        } | {
                            /** @constant */
                            kind: "compact";
                            compactId: string;
                            version: number;
                        } | {
                            /** @constant */
                            kind: "village-classification";
                            /** @enum {string} */
                            classification: "pilot" | "remediation";
                            reasons?: string;
                        } | {
                            /** @constant */
                            kind: "project-change";
                            projectId: string;
                            changeId: string;
                            description: string;
                            budget?: number;
                            previousBudget: number;
                            requestedBy: string;
                        };
                        chain: {
                            /** @enum {string} */
                            body: "party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council";
                            quorum: {
                                /** @enum {string} */
                                op: "at-least" | "more-than";
                                num: number;
                                den: number;
                            };
                            passing: {
                                /** @enum {string} */
                                of: "cast" | "members";
                                share: {
                                    /** @enum {string} */
                                    op: "at-least" | "more-than";
                                    num: number;
                                    den: number;
                                };
                            };
                            /** @enum {string} */
                            onFail: "return" | "end";
                        }[];
                        secret: boolean;
                        /** @enum {string} */
                        status: "voting" | "returned" | "rejected" | "notice" | "reopened" | "final";
                        round: number;
                        step: number;
                        notice?: {
                            round: number;
                            /** Format: date-time */
                            startsAt: string;
                            /** Format: date-time */
                            endsAt: string;
                            days: number;
                        };
                        pendingObjections: number;
                        stoppedBy?: {
                            round: number;
                            step?: number;
                            body?: string;
                            /** @enum {string} */
                            reason: "quorum-not-met" | "threshold-not-met" | "objection-sustained";
                            objectionId?: string;
                            note?: string;
                        };
                        submittedBy: string;
                        /** Format: date-time */
                        submittedAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** Format: date-time */
                        adoptedAt?: string;
                        /** Format: date-time */
                        finalAt?: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        filedWith?: string;
                        steps: {
                            round: number;
                            step: number;
                            body: string;
                            rule: {
                                /** @enum {string} */
                                body: "party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council";
                                quorum: {
                                    /** @enum {string} */
                                    op: "at-least" | "more-than";
                                    num: number;
                                    den: number;
                                };
                                passing: {
                                    /** @enum {string} */
                                    of: "cast" | "members";
                                    share: {
                                        /** @enum {string} */
                                        op: "at-least" | "more-than";
                                        num: number;
                                        den: number;
                                    };
                                };
                                /** @enum {string} */
                                onFail: "return" | "end";
                            };
                            members: number;
                            /** @enum {string} */
                            status: "open" | "passed" | "failed";
                            openedAt: string;
                            tally: {
                                yes: number;
                                no: number;
                                abstain: number;
                                cast: number;
                            };
                            resolvedAt?: string;
                            resolution?: {
                                passed: boolean;
                                reason?: string;
                                quorum: {
                                    part: number;
                                    whole: number;
                                    required: {
                                        op: string;
                                        num: number;
                                        den: number;
                                    };
                                    held: boolean;
                                    needed: number;
                                    margin: number;
                                };
                                passing: {
                                    part: number;
                                    whole: number;
                                    required: {
                                        op: string;
                                        num: number;
                                        den: number;
                                    };
                                    held: boolean;
                                    needed: number;
                                    margin: number;
                                };
                            };
                            outcome?: string;
                            note?: string;
                            meeting?: {
                                signedIn: number;
                                minutes: string;
                                heldAt: string;
                            };
                        }[];
                        implementation?: {
                            projectId: string;
                            acceptedAt: string;
                            budget: number;
                            spent: number;
                            beneficiaries: string[];
                            disclosedAt: string;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    resubmitProposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    planVersion?: number;
                    consentPollId?: string;
                    compactVersion?: number;
                    /** @enum {string} */
                    classification?: "pilot" | "remediation";
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        proposalId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        kind: "project-plan" | "compact" | "village-classification" | "project-change";
                        title: string;
                        subject: {
                            /** @constant */
                            kind: "project-plan";
                            plan: {
                                planId: string;
                                planVersion: number;
                                title: string;
                                description: string;
                                /** @enum {string} */
                                category: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                                /** @enum {string} */
                                builder: "residents" | "cooperative" | "contractor";
                                /** @enum {string} */
                                renovationClass?: "basic" | "improvement" | "enhancement";
                                budget: number;
                                beneficiaries: string[];
                                contractor?: string;
                                /** @description Place path from the province down, ids joined by "/" */
                                place: string;
                                /** @description Place path from the province down, ids joined by "/" */
                                compound?: string;
                                consentPollId?: string;
                            };
                        } | {
                            /** @constant */
                            kind: "compact";
                            compactId: string;
                            version: number;
                        } | {
                            /** @constant */
                            kind: "village-classification";
                            /** @enum {string} */
                            classification: "pilot" | "remediation";
                            reasons?: string;
                        } | {
                            /** @constant */
                            kind: "project-change";
                            projectId: string;
                            changeId: string;
                            description: string;
                            budget?: number;
                            previousBudget: number;
                            requestedBy: string;
                        };
                        chain: {
                            /** @enum {string} */
                            body: "party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council";
                            quorum: {
                                /** @enum {string} */
                                op: "at-least" | "more-than";
                                num: number;
                                den: number;
                            };
                            passing: {
                                /** @enum {string} */
                                of: "cast" | "members";
                                share: {
                                    /** @enum {string} */
                                    op: "at-least" | "more-than";
                                    num: number;
                                    den: number;
                                };
                            };
                            /** @enum {string} */
                            onFail: "return" | "end";
                        }[];
                        secret: boolean;
                        /** @enum {string} */
                        status: "voting" | "returned" | "rejected" | "notice" | "reopened" | "final";
                        round: number;
                        step: number;
                        notice?: {
                            round: number;
                            /** Format: date-time */
                            startsAt: string;
                            /** Format: date-time */
                            endsAt: string;
                            days: number;
                        };
                        pendingObjections: number;
                        stoppedBy?: {
                            round: number;
                            step?: number;
                            body?: string;
                            /** @enum {string} */
                            reason: "quorum-not-met" | "threshold-not-met" | "objection-sustained";
                            objectionId?: string;
                            note?: string;
                        };
                        submittedBy: string;
                        /** Format: date-time */
                        submittedAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** Format: date-time */
                        adoptedAt?: string;
                        /** Format: date-time */
                        finalAt?: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        filedWith?: string;
                        steps: {
                            round: number;
                            step: number;
                            body: string;
                            rule: {
                                /** @enum {string} */
                                body: "party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council";
                                quorum: {
                                    /** @enum {string} */
                                    op: "at-least" | "more-than";
                                    num: number;
                                    den: number;
                                };
                                passing: {
                                    /** @enum {string} */
                                    of: "cast" | "members";
                                    share: {
                                        /** @enum {string} */
                                        op: "at-least" | "more-than";
                                        num: number;
                                        den: number;
                                    };
                                };
                                /** @enum {string} */
                                onFail: "return" | "end";
                            };
                            members: number;
                            /** @enum {string} */
                            status: "open" | "passed" | "failed";
                            openedAt: string;
                            tally: {
                                yes: number;
                                no: number;
                                abstain: number;
                                cast: number;
                            };
                            resolvedAt?: string;
                            resolution?: {
                                passed: boolean;
                                reason?: string;
                                quorum: {
                                    part: number;
                                    whole: number;
                                    required: {
                                        op: string;
                                        num: number;
                                        den: number;
                                    };
                                    held: boolean;
                                    needed: number;
                                    margin: number;
                                };
                                passing: {
                                    part: number;
                                    whole: number;
                                    required: {
                                        op: string;
                                        num: number;
                                        den: number;
                                    };
                                    held: boolean;
                                    needed: number;
                                    margin: number;
                                };
                            };
                            outcome?: string;
                            note?: string;
                            meeting?: {
                                signedIn: number;
                                minutes: string;
                                heldAt: string;
                            };
                        }[];
                        implementation?: {
                            projectId: string;
                            acceptedAt: string;
                            budget: number;
                            spent: number;
                            beneficiaries: string[];
                            disclosedAt: string;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listBallots: {
        parameters: {
            query?: {
                round?: number;
                step?: number;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        secret: boolean;
                        choicesVisible: boolean;
                        items: {
                            proposalId: string;
                            round: number;
                            step: number;
                            body: string;
                            voter: string;
                            /** @enum {string} */
                            channel: "online" | "paper" | "proxy";
                            castBy: string;
                            castAt: string;
                            /** @enum {string} */
                            choice?: "yes" | "no" | "abstain";
                            batchRef?: string;
                            line?: number;
                            authorisationId?: string;
                            voterName?: string;
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    castBallot: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    step: number;
                    /** @enum {string} */
                    choice: "yes" | "no" | "abstain";
                    onBehalfOf?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        proposalId: string;
                        round: number;
                        step: number;
                        body: string;
                        voter: string;
                        /** @enum {string} */
                        channel: "online" | "paper" | "proxy";
                        castBy: string;
                        castAt: string;
                        /** @enum {string} */
                        choice?: "yes" | "no" | "abstain";
                        batchRef?: string;
                        line?: number;
                        authorisationId?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    authoriseProxy: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    step: number;
                    principal: string;
                    proxy: string;
                    evidence?: {
                        key: string;
                        contentType?: string;
                        sha256?: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        authorisationId: string;
                        proposalId: string;
                        round: number;
                        step: number;
                        principal: string;
                        proxy: string;
                        evidence?: {
                            key: string;
                            contentType?: string;
                            sha256?: string;
                        };
                        grantedBy: string;
                        grantedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    importPaperBallots: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    step: number;
                    batchRef: string;
                    scan: {
                        key: string;
                        contentType?: string;
                        sha256?: string;
                    };
                    lines: {
                        line: number;
                        voter: string;
                        /** @enum {string} */
                        choice: "yes" | "no" | "abstain";
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        batchRef: string;
                        accepted: number;
                        alreadyCounted: number;
                        refused: number;
                        lines: {
                            line: number;
                            voter: string;
                            /** @enum {string} */
                            choice: "yes" | "no" | "abstain";
                            /** @enum {string} */
                            verdict: "accepted" | "already-counted" | "refused";
                            reason?: string;
                            existing?: {
                                /** @enum {string} */
                                channel: "online" | "paper" | "proxy";
                                batchRef?: string;
                            };
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listObjections: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            objectionId: string;
                            proposalId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            round: number;
                            text: string;
                            evidence: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            }[];
                            /** Format: date-time */
                            raisedAt: string;
                            /** @enum {string} */
                            status: "pending" | "sustained" | "dismissed";
                            answer?: string;
                            answeredBy?: string;
                            /** Format: date-time */
                            answeredAt?: string;
                            objector?: string;
                            objectorName?: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    raiseObjection: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    text: string;
                    /** @default [] */
                    evidence?: {
                        key: string;
                        contentType?: string;
                        sha256?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        objectionId: string;
                        proposalId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        round: number;
                        objector: string;
                        text: string;
                        evidence: {
                            key: string;
                            contentType?: string;
                            sha256?: string;
                        }[];
                        /** Format: date-time */
                        raisedAt: string;
                        /** @enum {string} */
                        status: "pending" | "sustained" | "dismissed";
                        answer?: string;
                        answeredBy?: string;
                        /** Format: date-time */
                        answeredAt?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    answerObjection: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                proposalId: string;
                objectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sustained: boolean;
                    answer: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        objectionId: string;
                        proposalId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        round: number;
                        objector: string;
                        text: string;
                        evidence: {
                            key: string;
                            contentType?: string;
                            sha256?: string;
                        }[];
                        /** Format: date-time */
                        raisedAt: string;
                        /** @enum {string} */
                        status: "pending" | "sustained" | "dismissed";
                        answer?: string;
                        answeredBy?: string;
                        /** Format: date-time */
                        answeredAt?: string;
                        /** @enum {string} */
                        proposalStatus: "voting" | "returned" | "rejected" | "notice" | "reopened" | "final";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getPublicBoard: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        items: {
                            proposalId: string;
                            /** @enum {string} */
                            kind: "project-plan" | "compact" | "village-classification" | "project-change";
                            title: string;
                            /** @enum {string} */
                            status: "voting" | "returned" | "rejected" | "notice" | "reopened" | "final";
                            round: number;
                            notice?: {
                                startsAt: string;
                                endsAt: string;
                                days: number;
                            };
                            adoptedAt?: string;
                            finalAt?: string;
                            filedWith?: string;
                            resolutions: {
                                round: number;
                                step: number;
                                body: string;
                                rule: {
                                    /** @enum {string} */
                                    body: "party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council";
                                    quorum: {
                                        /** @enum {string} */
                                        op: "at-least" | "more-than";
                                        num: number;
                                        den: number;
                                    };
                                    passing: {
                                        /** @enum {string} */
                                        of: "cast" | "members";
                                        share: {
                                            /** @enum {string} */
                                            op: "at-least" | "more-than";
                                            num: number;
                                            den: number;
                                        };
                                    };
                                    /** @enum {string} */
                                    onFail: "return" | "end";
                                };
                                members: number;
                                /** @enum {string} */
                                status: "open" | "passed" | "failed";
                                openedAt: string;
                                tally: {
                                    yes: number;
                                    no: number;
                                    abstain: number;
                                    cast: number;
                                };
                                resolvedAt?: string;
                                resolution?: {
                                    passed: boolean;
                                    reason?: string;
                                    quorum: {
                                        part: number;
                                        whole: number;
                                        required: {
                                            op: string;
                                            num: number;
                                            den: number;
                                        };
                                        held: boolean;
                                        needed: number;
                                        margin: number;
                                    };
                                    passing: {
                                        part: number;
                                        whole: number;
                                        required: {
                                            op: string;
                                            num: number;
                                            den: number;
                                        };
                                        held: boolean;
                                        needed: number;
                                        margin: number;
                                    };
                                };
                                outcome?: string;
                                note?: string;
                                meeting?: {
                                    signedIn: number;
                                    minutes: string;
                                    heldAt: string;
                                };
                            }[];
                            implementation?: {
                                acceptedAt: string;
                                budget: number;
                                spent: number;
                                disclosedAt: string;
                            };
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listConsentPolls: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            pollId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            scope: string;
                            title: string;
                            description?: string;
                            /** @enum {string} */
                            matter: "renovation" | "maintenance-fund" | "rebuilding" | "common-parts-change" | "other";
                            /** @enum {string} */
                            rule: "seed-renovation" | "civil-code-major" | "civil-code-ordinary";
                            /** @enum {string} */
                            status: "open" | "closed";
                            eligible: {
                                owners: number;
                                areaDm2: number;
                            };
                            /** @description Property fees collected and due over the period the rule looks at, in fen */
                            propertyFee?: {
                                collected: number;
                                due: number;
                            };
                            /** Format: date-time */
                            closesAt?: string;
                            openedBy: string;
                            /** Format: date-time */
                            openedAt: string;
                            /** Format: date-time */
                            closedAt?: string;
                            result?: {
                                passed: boolean;
                                owners: {
                                    eligible: number;
                                    participating: number;
                                    agree: number;
                                    disagree: number;
                                    abstain: number;
                                };
                                areaDm2: {
                                    eligible: number;
                                    participating: number;
                                    agree: number;
                                    disagree: number;
                                    abstain: number;
                                };
                                conditions: {
                                    name: string;
                                    /** @enum {string} */
                                    measure: "owners" | "area" | "property-fee";
                                    /** @enum {string} */
                                    base: "eligible" | "participating" | "fees-due";
                                    part: number;
                                    whole: number;
                                    required: {
                                        /** @enum {string} */
                                        op: "at-least" | "more-than";
                                        num: number;
                                        den: number;
                                    };
                                    held: boolean;
                                    needed: number;
                                    margin: number;
                                    share?: {
                                        num: number;
                                        den: number;
                                    };
                                }[];
                            };
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    openConsentPoll: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The community, or a compound in it */
                    scope: string;
                    title: string;
                    description?: string;
                    /** @enum {string} */
                    matter: "renovation" | "maintenance-fund" | "rebuilding" | "common-parts-change" | "other";
                    /** @enum {string} */
                    rule?: "seed-renovation" | "civil-code-major" | "civil-code-ordinary";
                    /** @description Property fees collected and due over the period the rule looks at, in fen */
                    propertyFee?: {
                        collected: number;
                        due: number;
                    };
                    /** Format: date-time */
                    closesAt?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pollId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        scope: string;
                        title: string;
                        description?: string;
                        /** @enum {string} */
                        matter: "renovation" | "maintenance-fund" | "rebuilding" | "common-parts-change" | "other";
                        /** @enum {string} */
                        rule: "seed-renovation" | "civil-code-major" | "civil-code-ordinary";
                        /** @enum {string} */
                        status: "open" | "closed";
                        eligible: {
                            owners: number;
                            areaDm2: number;
                        };
                        /** @description Property fees collected and due over the period the rule looks at, in fen */
                        propertyFee?: {
                            collected: number;
                            due: number;
                        };
                        /** Format: date-time */
                        closesAt?: string;
                        openedBy: string;
                        /** Format: date-time */
                        openedAt: string;
                        /** Format: date-time */
                        closedAt?: string;
                        result?: {
                            passed: boolean;
                            owners: {
                                eligible: number;
                                participating: number;
                                agree: number;
                                disagree: number;
                                abstain: number;
                            };
                            areaDm2: {
                                eligible: number;
                                participating: number;
                                agree: number;
                                disagree: number;
                                abstain: number;
                            };
                            conditions: {
                                name: string;
                                /** @enum {string} */
                                measure: "owners" | "area" | "property-fee";
                                /** @enum {string} */
                                base: "eligible" | "participating" | "fees-due";
                                part: number;
                                whole: number;
                                required: {
                                    /** @enum {string} */
                                    op: "at-least" | "more-than";
                                    num: number;
                                    den: number;
                                };
                                held: boolean;
                                needed: number;
                                margin: number;
                                share?: {
                                    num: number;
                                    den: number;
                                };
                            }[];
                        };
                        standing: {
                            passed: boolean;
                            owners: {
                                eligible: number;
                                participating: number;
                                agree: number;
                                disagree: number;
                                abstain: number;
                            };
                            areaDm2: {
                                eligible: number;
                                participating: number;
                                agree: number;
                                disagree: number;
                                abstain: number;
                            };
                            conditions: {
                                name: string;
                                /** @enum {string} */
                                measure: "owners" | "area" | "property-fee";
                                /** @enum {string} */
                                base: "eligible" | "participating" | "fees-due";
                                part: number;
                                whole: number;
                                required: {
                                    /** @enum {string} */
                                    op: "at-least" | "more-than";
                                    num: number;
                                    den: number;
                                };
                                held: boolean;
                                needed: number;
                                margin: number;
                                share?: {
                                    num: number;
                                    den: number;
                                };
                            }[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getConsentPoll: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pollId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pollId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        scope: string;
                        title: string;
                        description?: string;
                        /** @enum {string} */
                        matter: "renovation" | "maintenance-fund" | "rebuilding" | "common-parts-change" | "other";
                        /** @enum {string} */
                        rule: "seed-renovation" | "civil-code-major" | "civil-code-ordinary";
                        /** @enum {string} */
                        status: "open" | "closed";
                        eligible: {
                            owners: number;
                            areaDm2: number;
                        };
                        /** @description Property fees collected and due over the period the rule looks at, in fen */
                        propertyFee?: {
                            collected: number;
                            due: number;
                        };
                        /** Format: date-time */
                        closesAt?: string;
                        openedBy: string;
                        /** Format: date-time */
                        openedAt: string;
                        /** Format: date-time */
                        closedAt?: string;
                        result?: {
                            passed: boolean;
                            owners: {
                                eligible: number;
                                participating: number;
                                agree: number;
                                disagree: number;
                                abstain: number;
                            };
                            areaDm2: {
                                eligible: number;
                                participating: number;
                                agree: number;
                                disagree: number;
                                abstain: number;
                            };
                            conditions: {
                                name: string;
                                /** @enum {string} */
                                measure: "owners" | "area" | "property-fee";
                                /** @enum {string} */
                                base: "eligible" | "participating" | "fees-due";
                                part: number;
                                whole: number;
                                required: {
                                    /** @enum {string} */
                                    op: "at-least" | "more-than";
                                    num: number;
                                    den: number;
                                };
                                held: boolean;
                                needed: number;
                                margin: number;
                                share?: {
                                    num: number;
                                    den: number;
                                };
                            }[];
                        };
                        standing: {
                            passed: boolean;
                            owners: {
                                eligible: number;
                                participating: number;
                                agree: number;
                                disagree: number;
                                abstain: number;
                            };
                            areaDm2: {
                                eligible: number;
                                participating: number;
                                agree: number;
                                disagree: number;
                                abstain: number;
                            };
                            conditions: {
                                name: string;
                                /** @enum {string} */
                                measure: "owners" | "area" | "property-fee";
                                /** @enum {string} */
                                base: "eligible" | "participating" | "fees-due";
                                part: number;
                                whole: number;
                                required: {
                                    /** @enum {string} */
                                    op: "at-least" | "more-than";
                                    num: number;
                                    den: number;
                                };
                                held: boolean;
                                needed: number;
                                margin: number;
                                share?: {
                                    num: number;
                                    den: number;
                                };
                            }[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    respondToConsentPoll: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                pollId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    choice: "agree" | "disagree" | "abstain";
                    owner?: string;
                    evidence?: {
                        key: string;
                        contentType?: string;
                        sha256?: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pollId: string;
                        owner: string;
                        /** @enum {string} */
                        choice: "agree" | "disagree" | "abstain";
                        areaDm2: number;
                        /** @enum {string} */
                        channel: "online" | "paper";
                        recordedBy: string;
                        at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    closeConsentPoll: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pollId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pollId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        scope: string;
                        title: string;
                        description?: string;
                        /** @enum {string} */
                        matter: "renovation" | "maintenance-fund" | "rebuilding" | "common-parts-change" | "other";
                        /** @enum {string} */
                        rule: "seed-renovation" | "civil-code-major" | "civil-code-ordinary";
                        /** @enum {string} */
                        status: "open" | "closed";
                        eligible: {
                            owners: number;
                            areaDm2: number;
                        };
                        /** @description Property fees collected and due over the period the rule looks at, in fen */
                        propertyFee?: {
                            collected: number;
                            due: number;
                        };
                        /** Format: date-time */
                        closesAt?: string;
                        openedBy: string;
                        /** Format: date-time */
                        openedAt: string;
                        /** Format: date-time */
                        closedAt?: string;
                        result?: {
                            passed: boolean;
                            owners: {
                                eligible: number;
                                participating: number;
                                agree: number;
                                disagree: number;
                                abstain: number;
                            };
                            areaDm2: {
                                eligible: number;
                                participating: number;
                                agree: number;
                                disagree: number;
                                abstain: number;
                            };
                            conditions: {
                                name: string;
                                /** @enum {string} */
                                measure: "owners" | "area" | "property-fee";
                                /** @enum {string} */
                                base: "eligible" | "participating" | "fees-due";
                                part: number;
                                whole: number;
                                required: {
                                    /** @enum {string} */
                                    op: "at-least" | "more-than";
                                    num: number;
                                    den: number;
                                };
                                held: boolean;
                                needed: number;
                                margin: number;
                                share?: {
                                    num: number;
                                    den: number;
                                };
                            }[];
                        };
                        standing: {
                            passed: boolean;
                            owners: {
                                eligible: number;
                                participating: number;
                                agree: number;
                                disagree: number;
                                abstain: number;
                            };
                            areaDm2: {
                                eligible: number;
                                participating: number;
                                agree: number;
                                disagree: number;
                                abstain: number;
                            };
                            conditions: {
                                name: string;
                                /** @enum {string} */
                                measure: "owners" | "area" | "property-fee";
                                /** @enum {string} */
                                base: "eligible" | "participating" | "fees-due";
                                part: number;
                                whole: number;
                                required: {
                                    /** @enum {string} */
                                    op: "at-least" | "more-than";
                                    num: number;
                                    den: number;
                                };
                                held: boolean;
                                needed: number;
                                margin: number;
                                share?: {
                                    num: number;
                                    den: number;
                                };
                            }[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listNeedsSeen: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        needs: {
                            needId: string;
                            village: string;
                            category: string;
                            eventId: string;
                            seenAt: string;
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listProjects: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            projectId: string;
                            proposalId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            place: string;
                            title: string;
                            description: string;
                            /** @enum {string} */
                            category: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                            /** @enum {string} */
                            builder: "residents" | "cooperative" | "contractor";
                            /** @enum {string} */
                            renovationClass?: "basic" | "improvement" | "enhancement";
                            contractor?: string;
                            budget: number;
                            beneficiaries: string[];
                            planId: string;
                            planVersion: number;
                            /** @enum {string} */
                            stage: "survey" | "willingness-survey" | "design-review" | "implementation-plan" | "plan-notice" | "approved" | "in-construction" | "initial-acceptance" | "rectification" | "final-acceptance" | "final-accounts" | "archived" | "long-term-management";
                            stageHistory: {
                                /** @enum {string} */
                                from: "survey" | "willingness-survey" | "design-review" | "implementation-plan" | "plan-notice" | "approved" | "in-construction" | "initial-acceptance" | "rectification" | "final-acceptance" | "final-accounts" | "archived" | "long-term-management";
                                /** @enum {string} */
                                to: "survey" | "willingness-survey" | "design-review" | "implementation-plan" | "plan-notice" | "approved" | "in-construction" | "initial-acceptance" | "rectification" | "final-acceptance" | "final-accounts" | "archived" | "long-term-management";
                                /** Format: date-time */
                                at: string;
                                by: string;
                                note?: string;
                            }[];
                            pendingChange?: {
                                changeId: string;
                                title: string;
                                description: string;
                                budget?: number;
                                changesContent: boolean;
                                requestedBy: string;
                                /** Format: date-time */
                                requestedAt: string;
                            };
                            amendments: {
                                changeId: string;
                                description: string;
                                previousBudget: number;
                                budget: number;
                                direct: boolean;
                                proposalId?: string;
                                /** Format: date-time */
                                appliedAt: string;
                            }[];
                            facilities: {
                                facilityId: string;
                                name: string;
                                /** @enum {string} */
                                kind: "public-space" | "green-plot" | "facility" | "road-section";
                                /** @description Place path from the province down, ids joined by "/" */
                                place: string;
                            }[];
                            /** Format: date-time */
                            openedAt: string;
                            /** Format: date-time */
                            decidedAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                            progressPercent: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        projectId: string;
                        proposalId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        title: string;
                        description: string;
                        /** @enum {string} */
                        category: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                        /** @enum {string} */
                        builder: "residents" | "cooperative" | "contractor";
                        /** @enum {string} */
                        renovationClass?: "basic" | "improvement" | "enhancement";
                        contractor?: string;
                        budget: number;
                        beneficiaries: string[];
                        planId: string;
                        planVersion: number;
                        /** @enum {string} */
                        stage: "survey" | "willingness-survey" | "design-review" | "implementation-plan" | "plan-notice" | "approved" | "in-construction" | "initial-acceptance" | "rectification" | "final-acceptance" | "final-accounts" | "archived" | "long-term-management";
                        stageHistory: {
                            /** @enum {string} */
                            from: "survey" | "willingness-survey" | "design-review" | "implementation-plan" | "plan-notice" | "approved" | "in-construction" | "initial-acceptance" | "rectification" | "final-acceptance" | "final-accounts" | "archived" | "long-term-management";
                            /** @enum {string} */
                            to: "survey" | "willingness-survey" | "design-review" | "implementation-plan" | "plan-notice" | "approved" | "in-construction" | "initial-acceptance" | "rectification" | "final-acceptance" | "final-accounts" | "archived" | "long-term-management";
                            /** Format: date-time */
                            at: string;
                            by: string;
                            note?: string;
                        }[];
                        pendingChange?: {
                            changeId: string;
                            title: string;
                            description: string;
                            budget?: number;
                            changesContent: boolean;
                            requestedBy: string;
                            /** Format: date-time */
                            requestedAt: string;
                        };
                        amendments: {
                            changeId: string;
                            description: string;
                            previousBudget: number;
                            budget: number;
                            direct: boolean;
                            proposalId?: string;
                            /** Format: date-time */
                            appliedAt: string;
                        }[];
                        facilities: {
                            facilityId: string;
                            name: string;
                            /** @enum {string} */
                            kind: "public-space" | "green-plot" | "facility" | "road-section";
                            /** @description Place path from the province down, ids joined by "/" */
                            place: string;
                        }[];
                        /** Format: date-time */
                        openedAt: string;
                        /** Format: date-time */
                        decidedAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        version: number;
                        progress: {
                            completedWeight: number;
                            totalWeight: number;
                            percent: number;
                        };
                        milestones: {
                            milestoneId: string;
                            projectId: string;
                            title: string;
                            weight: number;
                            hiddenWorks: boolean;
                            /** Format: date */
                            due?: string;
                            /** @enum {string} */
                            status: "open" | "completed";
                            evidence: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            completedAt?: string;
                            completedBy?: string;
                        }[];
                        funds: {
                            available: number;
                            held: number;
                            spent: number;
                            allocated: number;
                            bySource: {
                                sourceId: string;
                                available: number;
                                held: number;
                                spent: number;
                            }[];
                        };
                        contributions: {
                            count: number;
                            value: number;
                            inKindValue: number;
                            wagesValue: number;
                            hours: number;
                            money: number;
                            labour: number;
                            materials: number;
                            land: number;
                            ideas: number;
                            moneyCount: number;
                            labourCount: number;
                            materialsCount: number;
                            landCount: number;
                            ideasCount: number;
                            landArea: number;
                        };
                        changes: {
                            changeId: string;
                            projectId: string;
                            title: string;
                            description: string;
                            budget?: number;
                            previousBudget: number;
                            changesContent: boolean;
                            /** @enum {string} */
                            class: "minor" | "major";
                            /** @enum {string} */
                            status: "applied" | "pending" | "withdrawn" | "decided-after-withdrawal";
                            requestedBy: string;
                            /** Format: date-time */
                            requestedAt: string;
                            /** Format: date-time */
                            decidedAt?: string;
                            proposalId?: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    moveProjectStage: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    to: "survey" | "willingness-survey" | "design-review" | "implementation-plan" | "plan-notice" | "approved" | "in-construction" | "initial-acceptance" | "rectification" | "final-acceptance" | "final-accounts" | "archived" | "long-term-management";
                    note?: string;
                    representatives?: string[];
                    facilities?: {
                        name: string;
                        /** @enum {string} */
                        kind: "public-space" | "green-plot" | "facility" | "road-section";
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        projectId: string;
                        proposalId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        title: string;
                        description: string;
                        /** @enum {string} */
                        category: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                        /** @enum {string} */
                        builder: "residents" | "cooperative" | "contractor";
                        /** @enum {string} */
                        renovationClass?: "basic" | "improvement" | "enhancement";
                        contractor?: string;
                        budget: number;
                        beneficiaries: string[];
                        planId: string;
                        planVersion: number;
                        /** @enum {string} */
                        stage: "survey" | "willingness-survey" | "design-review" | "implementation-plan" | "plan-notice" | "approved" | "in-construction" | "initial-acceptance" | "rectification" | "final-acceptance" | "final-accounts" | "archived" | "long-term-management";
                        stageHistory: {
                            /** @enum {string} */
                            from: "survey" | "willingness-survey" | "design-review" | "implementation-plan" | "plan-notice" | "approved" | "in-construction" | "initial-acceptance" | "rectification" | "final-acceptance" | "final-accounts" | "archived" | "long-term-management";
                            /** @enum {string} */
                            to: "survey" | "willingness-survey" | "design-review" | "implementation-plan" | "plan-notice" | "approved" | "in-construction" | "initial-acceptance" | "rectification" | "final-acceptance" | "final-accounts" | "archived" | "long-term-management";
                            /** Format: date-time */
                            at: string;
                            by: string;
                            note?: string;
                        }[];
                        pendingChange?: {
                            changeId: string;
                            title: string;
                            description: string;
                            budget?: number;
                            changesContent: boolean;
                            requestedBy: string;
                            /** Format: date-time */
                            requestedAt: string;
                        };
                        amendments: {
                            changeId: string;
                            description: string;
                            previousBudget: number;
                            budget: number;
                            direct: boolean;
                            proposalId?: string;
                            /** Format: date-time */
                            appliedAt: string;
                        }[];
                        facilities: {
                            facilityId: string;
                            name: string;
                            /** @enum {string} */
                            kind: "public-space" | "green-plot" | "facility" | "road-section";
                            /** @description Place path from the province down, ids joined by "/" */
                            place: string;
                        }[];
                        /** Format: date-time */
                        openedAt: string;
                        /** Format: date-time */
                        decidedAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    requestProjectChange: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    description: string;
                    changesContent: boolean;
                    budget?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        change: {
                            changeId: string;
                            projectId: string;
                            title: string;
                            description: string;
                            budget?: number;
                            previousBudget: number;
                            changesContent: boolean;
                            /** @enum {string} */
                            class: "minor" | "major";
                            /** @enum {string} */
                            status: "applied" | "pending" | "withdrawn" | "decided-after-withdrawal";
                            requestedBy: string;
                            /** Format: date-time */
                            requestedAt: string;
                            /** Format: date-time */
                            decidedAt?: string;
                            proposalId?: string;
                        };
                        waitsForDeliberation: boolean;
                        budget: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    withdrawProjectChange: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                projectId: string;
                changeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        changeId: string;
                        projectId: string;
                        title: string;
                        description: string;
                        budget?: number;
                        previousBudget: number;
                        changesContent: boolean;
                        /** @enum {string} */
                        class: "minor" | "major";
                        /** @enum {string} */
                        status: "applied" | "pending" | "withdrawn" | "decided-after-withdrawal";
                        requestedBy: string;
                        /** Format: date-time */
                        requestedAt: string;
                        /** Format: date-time */
                        decidedAt?: string;
                        proposalId?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listParkedProjectDecisions: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            projectId: string;
                            changeId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            proposalId: string;
                            description: string;
                            budget?: number;
                            /** Format: date-time */
                            decidedAt: string;
                            /** Format: date-time */
                            parkedAt: string;
                            /** @enum {string} */
                            reason: "unknown-project" | "unknown-change";
                            /** @enum {string} */
                            status: "parked" | "applied";
                            /** Format: date-time */
                            appliedAt?: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    addMilestone: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    weight: number;
                    /** @default false */
                    hiddenWorks?: boolean;
                    /** Format: date */
                    due?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        milestoneId: string;
                        projectId: string;
                        title: string;
                        weight: number;
                        hiddenWorks: boolean;
                        /** Format: date */
                        due?: string;
                        /** @enum {string} */
                        status: "open" | "completed";
                        evidence: {
                            key: string;
                            contentType?: string;
                            sha256?: string;
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        completedAt?: string;
                        completedBy?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    completeMilestone: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                projectId: string;
                milestoneId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default [] */
                    evidence?: {
                        key: string;
                        contentType?: string;
                        sha256?: string;
                    }[];
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        milestone: {
                            milestoneId: string;
                            projectId: string;
                            title: string;
                            weight: number;
                            hiddenWorks: boolean;
                            /** Format: date */
                            due?: string;
                            /** @enum {string} */
                            status: "open" | "completed";
                            evidence: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            completedAt?: string;
                            completedBy?: string;
                        };
                        progress: {
                            completedWeight: number;
                            totalWeight: number;
                            percent: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    createProjectEvidenceUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    filename: string;
                    /** @enum {string} */
                    contentType: "image/jpeg" | "image/png" | "image/webp" | "image/heic" | "video/mp4" | "video/quicktime" | "application/pdf" | "text/plain";
                    /** @description The exact size of the file in bytes; the upload must send exactly this many. */
                    size: number;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        uploadUrl: string;
                        /** @constant */
                        method: "PUT";
                        headers: {
                            [key: string]: string;
                        };
                        expiresAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listProjectContributions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        totals: {
                            count: number;
                            value: number;
                            inKindValue: number;
                            wagesValue: number;
                            hours: number;
                            money: number;
                            labour: number;
                            materials: number;
                            land: number;
                            ideas: number;
                            moneyCount: number;
                            labourCount: number;
                            materialsCount: number;
                            landCount: number;
                            ideasCount: number;
                            landArea: number;
                        };
                        households: {
                            /** @description Place path from the province down, ids joined by "/" */
                            household: string;
                            totals: {
                                count: number;
                                value: number;
                                inKindValue: number;
                                wagesValue: number;
                                hours: number;
                                money: number;
                                labour: number;
                                materials: number;
                                land: number;
                                ideas: number;
                                moneyCount: number;
                                labourCount: number;
                                materialsCount: number;
                                landCount: number;
                                ideasCount: number;
                                landArea: number;
                            };
                        }[];
                        items: {
                            contributionId: string;
                            projectId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            household: string;
                            person?: string;
                            /** @enum {string} */
                            kind: "money" | "labour" | "materials" | "land" | "ideas";
                            value: number;
                            paid: boolean;
                            contributedOn: string;
                            hours?: number;
                            hourlyWage?: number;
                            quantity?: number;
                            unit?: string;
                            unitPrice?: number;
                            area?: number;
                            termMonths?: number;
                            description?: string;
                            note?: string;
                            sourceId?: string;
                            recordedBy: string;
                            recordedAt: string;
                        }[];
                        wages: {
                            person: string;
                            accrued: number;
                            due: number;
                            paid: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    recordContribution: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    household: string;
                    person?: string;
                    /** Format: date */
                    contributedOn: string;
                    note?: string;
                    /** @constant */
                    kind: "money";
                    amount: number;
                } | {
                    /** @description Place path from the province down, ids joined by "/" */
                    household: string;
                    person: string;
                    /** Format: date */
                    contributedOn: string;
                    note?: string;
                    /** @constant */
                    kind: "labour";
                    hours: number;
                } | {
                    /** @description Place path from the province down, ids joined by "/" */
                    household: string;
                    person?: string;
                    /** Format: date */
                    contributedOn: string;
                    note?: string;
                    /** @constant */
                    kind: "materials";
                    description: string;
                    quantity: number;
                    unit: string;
                    unitPrice: number;
                } | {
                    /** @description Place path from the province down, ids joined by "/" */
                    household: string;
                    person?: string;
                    /** Format: date */
                    contributedOn: string;
                    note?: string;
                    /** @constant */
                    kind: "land";
                    description: string;
                    area: number;
                    termMonths?: number;
                } | {
                    /** @description Place path from the province down, ids joined by "/" */
                    household: string;
                    person?: string;
                    /** Format: date */
                    contributedOn: string;
                    note?: string;
                    /** @constant */
                    kind: "ideas";
                    description: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        contributionId: string;
                        projectId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        household: string;
                        person?: string;
                        /** @enum {string} */
                        kind: "money" | "labour" | "materials" | "land" | "ideas";
                        value: number;
                        paid: boolean;
                        contributedOn: string;
                        hours?: number;
                        hourlyWage?: number;
                        quantity?: number;
                        unit?: string;
                        unitPrice?: number;
                        area?: number;
                        termMonths?: number;
                        description?: string;
                        note?: string;
                        sourceId?: string;
                        recordedBy: string;
                        recordedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    householdContributions: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                household: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        household: string;
                        totals: {
                            count: number;
                            value: number;
                            inKindValue: number;
                            wagesValue: number;
                            hours: number;
                            money: number;
                            labour: number;
                            materials: number;
                            land: number;
                            ideas: number;
                            moneyCount: number;
                            labourCount: number;
                            materialsCount: number;
                            landCount: number;
                            ideasCount: number;
                            landArea: number;
                        };
                        items: {
                            contributionId: string;
                            projectId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            household: string;
                            person?: string;
                            /** @enum {string} */
                            kind: "money" | "labour" | "materials" | "land" | "ideas";
                            value: number;
                            paid: boolean;
                            contributedOn: string;
                            hours?: number;
                            hourlyWage?: number;
                            quantity?: number;
                            unit?: string;
                            unitPrice?: number;
                            area?: number;
                            termMonths?: number;
                            description?: string;
                            note?: string;
                            sourceId?: string;
                            recordedBy: string;
                            recordedAt: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    recordReceipt: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    pool: string;
                    /** @enum {string} */
                    source: "township-subsidy" | "self-raised" | "worthies-donation" | "fiscal-award" | "department-funds" | "helper-unit" | "social-investment" | "maintenance-fund";
                    amount: number;
                    from: string;
                    restriction?: {
                        categories?: ("roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other")[];
                        projects?: string[];
                    };
                    /** Format: date */
                    receivedOn?: string;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sourceId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        pool: string;
                        /** @enum {string} */
                        source: "township-subsidy" | "self-raised" | "worthies-donation" | "fiscal-award" | "department-funds" | "helper-unit" | "social-investment" | "maintenance-fund";
                        from: string;
                        amount: number;
                        restriction?: {
                            categories?: string[];
                            projects?: string[];
                        };
                        receivedAt: string;
                        receivedOn: string;
                        recordedBy: string;
                        /** @enum {string} */
                        origin: "manual" | "contribution" | "award" | "transfer";
                        postingId: string;
                        contributionId?: string;
                        awardId?: string;
                        viaPool?: string;
                        viaSource?: string;
                        note?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    transferToVillagePool: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    pool: string;
                    /** @description Place path from the province down, ids joined by "/" */
                    toVillage: string;
                    sourceId: string;
                    amount: number;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        transferPostingId: string;
                        source: {
                            sourceId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            pool: string;
                            /** @enum {string} */
                            source: "township-subsidy" | "self-raised" | "worthies-donation" | "fiscal-award" | "department-funds" | "helper-unit" | "social-investment" | "maintenance-fund";
                            from: string;
                            amount: number;
                            restriction?: {
                                categories?: string[];
                                projects?: string[];
                            };
                            receivedAt: string;
                            receivedOn: string;
                            recordedBy: string;
                            /** @enum {string} */
                            origin: "manual" | "contribution" | "award" | "transfer";
                            postingId: string;
                            contributionId?: string;
                            awardId?: string;
                            viaPool?: string;
                            viaSource?: string;
                            note?: string;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    allocateFunds: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    amount: number;
                    sources?: {
                        sourceId: string;
                        amount: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        postingId: string;
                        amount: number;
                        sources: {
                            sourceId: string;
                            /** @enum {string} */
                            source: "township-subsidy" | "self-raised" | "worthies-donation" | "fiscal-award" | "department-funds" | "helper-unit" | "social-investment" | "maintenance-fund";
                            amount: number;
                        }[];
                        funds: {
                            available: number;
                            held: number;
                            spent: number;
                            allocated: number;
                            bySource: {
                                sourceId: string;
                                available: number;
                                held: number;
                                spent: number;
                            }[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    reversePosting: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                postingId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    pool: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        reversalId: string;
                        reverses: string;
                        amount: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getPool: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                pool: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        pool: string;
                        /** @enum {string} */
                        kind: "village" | "township";
                        totals: {
                            received: number;
                            unallocated: number;
                            allocated: number;
                            held: number;
                            spent: number;
                            transferred: number;
                            balance: number;
                        };
                        sources: {
                            sourceId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            pool: string;
                            /** @enum {string} */
                            source: "township-subsidy" | "self-raised" | "worthies-donation" | "fiscal-award" | "department-funds" | "helper-unit" | "social-investment" | "maintenance-fund";
                            from: string;
                            amount: number;
                            restriction?: {
                                categories?: string[];
                                projects?: string[];
                            };
                            receivedAt: string;
                            receivedOn: string;
                            recordedBy: string;
                            /** @enum {string} */
                            origin: "manual" | "contribution" | "award" | "transfer";
                            postingId: string;
                            contributionId?: string;
                            awardId?: string;
                            viaPool?: string;
                            viaSource?: string;
                            note?: string;
                            unallocated: number;
                            allocated: number;
                            held: number;
                            spent: number;
                            transferred: number;
                            reversed: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getPoolBalance: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                pool: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        pool: string;
                        received: number;
                        unallocated: number;
                        allocated: number;
                        spent: number;
                        transferred: number;
                        balance: number;
                        postings: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listPostings: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                pool: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            postingId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            pool: string;
                            kind: string;
                            lines: {
                                account: string;
                                /** @enum {string} */
                                side: "debit" | "credit";
                                amount: number;
                            }[];
                            amount: number;
                            memo: string;
                            at: string;
                            by: string;
                            projectId?: string;
                            disbursementId?: string;
                            sourceId?: string;
                            reverses?: string;
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    checkLedger: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                pool: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        pool: string;
                        postings: number;
                        totalDebits: number;
                        totalCredits: number;
                        balanced: boolean;
                        unbalancedPostings: string[];
                        mismatches: {
                            account: string;
                            stored: number;
                            fromEntries: number;
                        }[];
                        holdMismatches: string[];
                        negative: string[];
                        ok: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listDisbursements: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            disbursementId: string;
                            projectId: string;
                            village: string;
                            pool: string;
                            milestoneId: string;
                            amount: number;
                            /** @enum {string} */
                            purpose: "works" | "materials" | "wages" | "services";
                            payee: {
                                /** @constant */
                                kind: "person";
                                person: string;
                            } | {
                                /** @constant */
                                kind: "organisation";
                                name: string;
                            };
                            description: string;
                            /** @enum {string} */
                            status: "requested" | "approved" | "disbursed" | "rejected";
                            draws: {
                                sourceId: string;
                                source: string;
                                amount: number;
                            }[];
                            requestedBy: string;
                            requestedAt: string;
                            approvedBy?: string;
                            approvedAt?: string;
                            countersignedBy?: string;
                            countersignedAt?: string;
                            postingId?: string;
                            rejectedBy?: string;
                            rejectedAt?: string;
                            reason?: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    requestDisbursement: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    milestoneId: string;
                    amount: number;
                    /** @enum {string} */
                    purpose: "works" | "materials" | "wages" | "services";
                    payee: {
                        /** @constant */
                        kind: "person";
                        person: string;
                    } | {
                        /** @constant */
                        kind: "organisation";
                        name: string;
                    };
                    description: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        disbursementId: string;
                        projectId: string;
                        village: string;
                        pool: string;
                        milestoneId: string;
                        amount: number;
                        /** @enum {string} */
                        purpose: "works" | "materials" | "wages" | "services";
                        payee: {
                            /** @constant */
                            kind: "person";
                            person: string;
                        } | {
                            /** @constant */
                            kind: "organisation";
                            name: string;
                        };
                        description: string;
                        /** @enum {string} */
                        status: "requested" | "approved" | "disbursed" | "rejected";
                        draws: {
                            sourceId: string;
                            source: string;
                            amount: number;
                        }[];
                        requestedBy: string;
                        requestedAt: string;
                        approvedBy?: string;
                        approvedAt?: string;
                        countersignedBy?: string;
                        countersignedAt?: string;
                        postingId?: string;
                        rejectedBy?: string;
                        rejectedAt?: string;
                        reason?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    approveDisbursement: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                projectId: string;
                disbursementId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        disbursementId: string;
                        projectId: string;
                        village: string;
                        pool: string;
                        milestoneId: string;
                        amount: number;
                        /** @enum {string} */
                        purpose: "works" | "materials" | "wages" | "services";
                        payee: {
                            /** @constant */
                            kind: "person";
                            person: string;
                        } | {
                            /** @constant */
                            kind: "organisation";
                            name: string;
                        };
                        description: string;
                        /** @enum {string} */
                        status: "requested" | "approved" | "disbursed" | "rejected";
                        draws: {
                            sourceId: string;
                            source: string;
                            amount: number;
                        }[];
                        requestedBy: string;
                        requestedAt: string;
                        approvedBy?: string;
                        approvedAt?: string;
                        countersignedBy?: string;
                        countersignedAt?: string;
                        postingId?: string;
                        rejectedBy?: string;
                        rejectedAt?: string;
                        reason?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    countersignDisbursement: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                projectId: string;
                disbursementId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        disbursementId: string;
                        projectId: string;
                        village: string;
                        pool: string;
                        milestoneId: string;
                        amount: number;
                        /** @enum {string} */
                        purpose: "works" | "materials" | "wages" | "services";
                        payee: {
                            /** @constant */
                            kind: "person";
                            person: string;
                        } | {
                            /** @constant */
                            kind: "organisation";
                            name: string;
                        };
                        description: string;
                        /** @enum {string} */
                        status: "requested" | "approved" | "disbursed" | "rejected";
                        draws: {
                            sourceId: string;
                            source: string;
                            amount: number;
                        }[];
                        requestedBy: string;
                        requestedAt: string;
                        approvedBy?: string;
                        approvedAt?: string;
                        countersignedBy?: string;
                        countersignedAt?: string;
                        postingId?: string;
                        rejectedBy?: string;
                        rejectedAt?: string;
                        reason?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    rejectDisbursement: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                projectId: string;
                disbursementId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        disbursementId: string;
                        projectId: string;
                        village: string;
                        pool: string;
                        milestoneId: string;
                        amount: number;
                        /** @enum {string} */
                        purpose: "works" | "materials" | "wages" | "services";
                        payee: {
                            /** @constant */
                            kind: "person";
                            person: string;
                        } | {
                            /** @constant */
                            kind: "organisation";
                            name: string;
                        };
                        description: string;
                        /** @enum {string} */
                        status: "requested" | "approved" | "disbursed" | "rejected";
                        draws: {
                            sourceId: string;
                            source: string;
                            amount: number;
                        }[];
                        requestedBy: string;
                        requestedAt: string;
                        approvedBy?: string;
                        approvedAt?: string;
                        countersignedBy?: string;
                        countersignedAt?: string;
                        postingId?: string;
                        rejectedBy?: string;
                        rejectedAt?: string;
                        reason?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listWageRates: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                county: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        county: string;
                        /** Format: date */
                        today: string;
                        inForce?: {
                            /** @description Place path from the province down, ids joined by "/" */
                            county: string;
                            /** Format: date */
                            effectiveFrom: string;
                            hourlyWage: number;
                            setBy: string;
                            setAt: string;
                            version: number;
                        };
                        rates: {
                            /** @description Place path from the province down, ids joined by "/" */
                            county: string;
                            /** Format: date */
                            effectiveFrom: string;
                            hourlyWage: number;
                            setBy: string;
                            setAt: string;
                            version: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    setWageRate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    county: string;
                    /** Format: date */
                    effectiveFrom: string;
                    hourlyWage: number;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        county: string;
                        /** Format: date */
                        effectiveFrom: string;
                        hourlyWage: number;
                        setBy: string;
                        setAt: string;
                        version: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getCountySettings: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                county: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        county: string;
                        majorChangeShareBp: number;
                        setBy?: string;
                        setAt?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    putCountySettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    county: string;
                    majorChangeShareBp: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        county: string;
                        majorChangeShareBp: number;
                        setBy?: string;
                        setAt?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    villageBoard: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        name: string;
                        generatedAt: string;
                        pool: {
                            received: number;
                            unallocated: number;
                            allocated: number;
                            held: number;
                            spent: number;
                            balance: number;
                            sources: {
                                label: string;
                                from: string;
                                amount: number;
                                unallocated: number;
                                allocated: number;
                                held: number;
                                spent: number;
                                receivedOn: string;
                            }[];
                        };
                        projects: {
                            projectId: string;
                            title: string;
                            /** @enum {string} */
                            category: "roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other";
                            /** @enum {string} */
                            builder: "residents" | "cooperative" | "contractor";
                            /** @enum {string} */
                            stage: "survey" | "willingness-survey" | "design-review" | "implementation-plan" | "plan-notice" | "approved" | "in-construction" | "initial-acceptance" | "rectification" | "final-acceptance" | "final-accounts" | "archived" | "long-term-management";
                            stageLabel: string;
                            budget: number;
                            changePending: boolean;
                            amendments: {
                                description: string;
                                previousBudget: number;
                                budget: number;
                                appliedAt: string;
                            }[];
                            schedule: {
                                openedAt: string;
                                stages: {
                                    /** @enum {string} */
                                    stage: "survey" | "willingness-survey" | "design-review" | "implementation-plan" | "plan-notice" | "approved" | "in-construction" | "initial-acceptance" | "rectification" | "final-acceptance" | "final-accounts" | "archived" | "long-term-management";
                                    label: string;
                                    at: string;
                                }[];
                                milestones: {
                                    title: string;
                                    weight: number;
                                    hiddenWorks: boolean;
                                    due?: string;
                                    completed: boolean;
                                    completedAt?: string;
                                    evidenceCount: number;
                                }[];
                            };
                            progress: {
                                completedWeight: number;
                                totalWeight: number;
                                percent: number;
                            };
                            money: {
                                allocated: number;
                                held: number;
                                spent: number;
                            };
                            sources: {
                                sourceId: string;
                                /** @enum {string} */
                                source: "township-subsidy" | "self-raised" | "worthies-donation" | "fiscal-award" | "department-funds" | "helper-unit" | "social-investment" | "maintenance-fund";
                                label: string;
                                from: string;
                                allocated: number;
                                spent: number;
                            }[];
                            contributions: {
                                count: number;
                                value: number;
                                money: number;
                                labourHours: number;
                                labourValue: number;
                                materials: number;
                                landArea: number;
                                ideas: number;
                                households: {
                                    household: string;
                                    head: string;
                                    count: number;
                                    value: number;
                                    hours: number;
                                }[];
                            };
                            disbursements: {
                                disbursementId: string;
                                milestone: string;
                                amount: number;
                                purpose: string;
                                payee: string;
                                /** @enum {string} */
                                status: "requested" | "approved" | "disbursed" | "rejected";
                                requestedAt: string;
                                approvedBy?: string;
                                approvedAt?: string;
                                countersignedBy?: string;
                                disbursedAt?: string;
                                sources: {
                                    label: string;
                                    amount: number;
                                }[];
                            }[];
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listCompacts: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            compactId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @enum {string} */
                            kind: "village-rules" | "maintenance";
                            title: string;
                            latestVersion: number;
                            /** @enum {string} */
                            origin: "drafted" | "template";
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            inForceVersion?: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    draftCompact: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    village: string;
                    /** @enum {string} */
                    kind: "village-rules" | "maintenance";
                    title: string;
                    articles: {
                        articleId: string;
                        title: string;
                        text: string;
                        /** @default [] */
                        violationTypes?: {
                            code: string;
                            name: string;
                            handling: {
                                pointsDeduction?: number;
                                publicListing?: boolean;
                                rectificationDays?: number;
                                /** @enum {string} */
                                referralTo?: "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council";
                            };
                        }[];
                    }[];
                    /** Format: date */
                    effectiveFrom?: string;
                    compactId?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        compactId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        kind: "village-rules" | "maintenance";
                        version: number;
                        title: string;
                        articles: {
                            articleId: string;
                            title: string;
                            text: string;
                            /** @default [] */
                            violationTypes: {
                                code: string;
                                name: string;
                                handling: {
                                    pointsDeduction?: number;
                                    publicListing?: boolean;
                                    rectificationDays?: number;
                                    /** @enum {string} */
                                    referralTo?: "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council";
                                };
                            }[];
                        }[];
                        /** @enum {string} */
                        status: "draft" | "submitted" | "adopted";
                        /** Format: date */
                        effectiveFrom?: string;
                        revision: number;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** Format: date-time */
                        submittedAt?: string;
                        submittedBy?: string;
                        /** Format: date */
                        inForceFrom?: string;
                        proposalId?: string;
                        /** Format: date-time */
                        decidedAt?: string;
                        /** Format: date-time */
                        adoptedAt?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    draftAmendment: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                compactId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    articles?: {
                        articleId: string;
                        title: string;
                        text: string;
                        /** @default [] */
                        violationTypes?: {
                            code: string;
                            name: string;
                            handling: {
                                pointsDeduction?: number;
                                publicListing?: boolean;
                                rectificationDays?: number;
                                /** @enum {string} */
                                referralTo?: "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council";
                            };
                        }[];
                    }[];
                    /** Format: date */
                    effectiveFrom?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        compactId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        kind: "village-rules" | "maintenance";
                        version: number;
                        title: string;
                        articles: {
                            articleId: string;
                            title: string;
                            text: string;
                            /** @default [] */
                            violationTypes: {
                                code: string;
                                name: string;
                                handling: {
                                    pointsDeduction?: number;
                                    publicListing?: boolean;
                                    rectificationDays?: number;
                                    /** @enum {string} */
                                    referralTo?: "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council";
                                };
                            }[];
                        }[];
                        /** @enum {string} */
                        status: "draft" | "submitted" | "adopted";
                        /** Format: date */
                        effectiveFrom?: string;
                        revision: number;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** Format: date-time */
                        submittedAt?: string;
                        submittedBy?: string;
                        /** Format: date */
                        inForceFrom?: string;
                        proposalId?: string;
                        /** Format: date-time */
                        decidedAt?: string;
                        /** Format: date-time */
                        adoptedAt?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getCompactVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                compactId: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        compactId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        kind: "village-rules" | "maintenance";
                        version: number;
                        title: string;
                        articles: {
                            articleId: string;
                            title: string;
                            text: string;
                            /** @default [] */
                            violationTypes: {
                                code: string;
                                name: string;
                                handling: {
                                    pointsDeduction?: number;
                                    publicListing?: boolean;
                                    rectificationDays?: number;
                                    /** @enum {string} */
                                    referralTo?: "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council";
                                };
                            }[];
                        }[];
                        /** @enum {string} */
                        status: "draft" | "submitted" | "adopted";
                        /** Format: date */
                        effectiveFrom?: string;
                        revision: number;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** Format: date-time */
                        submittedAt?: string;
                        submittedBy?: string;
                        /** Format: date */
                        inForceFrom?: string;
                        proposalId?: string;
                        /** Format: date-time */
                        decidedAt?: string;
                        /** Format: date-time */
                        adoptedAt?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    editDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                compactId: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    revision: number;
                    title?: string;
                    articles?: {
                        articleId: string;
                        title: string;
                        text: string;
                        /** @default [] */
                        violationTypes?: {
                            code: string;
                            name: string;
                            handling: {
                                pointsDeduction?: number;
                                publicListing?: boolean;
                                rectificationDays?: number;
                                /** @enum {string} */
                                referralTo?: "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council";
                            };
                        }[];
                    }[];
                    effectiveFrom?: string | null;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        compactId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        kind: "village-rules" | "maintenance";
                        version: number;
                        title: string;
                        articles: {
                            articleId: string;
                            title: string;
                            text: string;
                            /** @default [] */
                            violationTypes: {
                                code: string;
                                name: string;
                                handling: {
                                    pointsDeduction?: number;
                                    publicListing?: boolean;
                                    rectificationDays?: number;
                                    /** @enum {string} */
                                    referralTo?: "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council";
                                };
                            }[];
                        }[];
                        /** @enum {string} */
                        status: "draft" | "submitted" | "adopted";
                        /** Format: date */
                        effectiveFrom?: string;
                        revision: number;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** Format: date-time */
                        submittedAt?: string;
                        submittedBy?: string;
                        /** Format: date */
                        inForceFrom?: string;
                        proposalId?: string;
                        /** Format: date-time */
                        decidedAt?: string;
                        /** Format: date-time */
                        adoptedAt?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    submitDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                compactId: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        compactId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        kind: "village-rules" | "maintenance";
                        version: number;
                        title: string;
                        articles: {
                            articleId: string;
                            title: string;
                            text: string;
                            /** @default [] */
                            violationTypes: {
                                code: string;
                                name: string;
                                handling: {
                                    pointsDeduction?: number;
                                    publicListing?: boolean;
                                    rectificationDays?: number;
                                    /** @enum {string} */
                                    referralTo?: "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council";
                                };
                            }[];
                        }[];
                        /** @enum {string} */
                        status: "draft" | "submitted" | "adopted";
                        /** Format: date */
                        effectiveFrom?: string;
                        revision: number;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** Format: date-time */
                        submittedAt?: string;
                        submittedBy?: string;
                        /** Format: date */
                        inForceFrom?: string;
                        proposalId?: string;
                        /** Format: date-time */
                        decidedAt?: string;
                        /** Format: date-time */
                        adoptedAt?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getCompact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                compactId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        compact: {
                            compactId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @enum {string} */
                            kind: "village-rules" | "maintenance";
                            title: string;
                            latestVersion: number;
                            /** @enum {string} */
                            origin: "drafted" | "template";
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                        };
                        versions: {
                            compactId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @enum {string} */
                            kind: "village-rules" | "maintenance";
                            version: number;
                            title: string;
                            articles: {
                                articleId: string;
                                title: string;
                                text: string;
                                /** @default [] */
                                violationTypes: {
                                    code: string;
                                    name: string;
                                    handling: {
                                        pointsDeduction?: number;
                                        publicListing?: boolean;
                                        rectificationDays?: number;
                                        /** @enum {string} */
                                        referralTo?: "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council";
                                    };
                                }[];
                            }[];
                            /** @enum {string} */
                            status: "draft" | "submitted" | "adopted";
                            /** Format: date */
                            effectiveFrom?: string;
                            revision: number;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** Format: date-time */
                            submittedAt?: string;
                            submittedBy?: string;
                            /** Format: date */
                            inForceFrom?: string;
                            proposalId?: string;
                            /** Format: date-time */
                            decidedAt?: string;
                            /** Format: date-time */
                            adoptedAt?: string;
                        }[];
                        inForceVersion?: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getVersionInForce: {
        parameters: {
            query?: {
                on?: string;
            };
            header?: never;
            path: {
                compactId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        compactId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        kind: "village-rules" | "maintenance";
                        version: number;
                        title: string;
                        articles: {
                            articleId: string;
                            title: string;
                            text: string;
                            /** @default [] */
                            violationTypes: {
                                code: string;
                                name: string;
                                handling: {
                                    pointsDeduction?: number;
                                    publicListing?: boolean;
                                    rectificationDays?: number;
                                    /** @enum {string} */
                                    referralTo?: "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council";
                                };
                            }[];
                        }[];
                        /** @enum {string} */
                        status: "draft" | "submitted" | "adopted";
                        /** Format: date */
                        effectiveFrom?: string;
                        revision: number;
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** Format: date-time */
                        submittedAt?: string;
                        submittedBy?: string;
                        /** Format: date */
                        inForceFrom?: string;
                        proposalId?: string;
                        /** Format: date-time */
                        decidedAt?: string;
                        /** Format: date-time */
                        adoptedAt?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listParkedCompactDecisions: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            compactId: string;
                            version: number;
                            village: string;
                            proposalId: string;
                            title: string;
                            decidedAt: string;
                            eventId: string;
                            reason: string;
                            parkedAt: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listCouncils: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        councils: {
                            /** @enum {string} */
                            kind: "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council";
                            name: {
                                zh: string;
                                en: string;
                            };
                            remit: {
                                zh: string;
                                en: string;
                            };
                            hearsAppeals: boolean;
                            members: {
                                person: string;
                                name: string;
                            }[];
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listDuties: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            dutyId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            household: string;
                            person: string;
                            items: ("sanitation" | "order" | "greenery")[];
                            stretch: string;
                            /** Format: date */
                            from: string;
                            assignedBy: string;
                            /** Format: date-time */
                            assignedAt: string;
                            revision: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    assignDuty: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    household: string;
                    /**
                     * @default [
                     *       "sanitation",
                     *       "order",
                     *       "greenery"
                     *     ]
                     */
                    items?: ("sanitation" | "order" | "greenery")[];
                    stretch: string;
                    /** Format: date */
                    from?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        dutyId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        household: string;
                        person: string;
                        items: ("sanitation" | "order" | "greenery")[];
                        stretch: string;
                        /** Format: date */
                        from: string;
                        assignedBy: string;
                        /** Format: date-time */
                        assignedAt: string;
                        revision: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    setOrgUnit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    level: "township-committee" | "village-branch" | "group-cell" | "central-household";
                    /** @description Place path from the province down, ids joined by "/" */
                    place: string;
                    leader: string;
                    area: string;
                    matters: string[];
                    linkedHouseholds?: string[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        level: "township-committee" | "village-branch" | "group-cell" | "central-household";
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        leader: string;
                        area: string;
                        matters: string[];
                        linkedHouseholds?: string[];
                        setBy: string;
                        /** Format: date-time */
                        setAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getOrganisation: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        units: {
                            /** @enum {string} */
                            level: "township-committee" | "village-branch" | "group-cell" | "central-household";
                            /** @description Place path from the province down, ids joined by "/" */
                            place: string;
                            leader: string;
                            area: string;
                            matters: string[];
                            linkedHouseholds?: string[];
                            setBy: string;
                            /** Format: date-time */
                            setAt: string;
                            levelName: {
                                zh: string;
                                en: string;
                            };
                        }[];
                        householdHeads: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listSpaces: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
                kind?: "public-space" | "green-plot" | "facility" | "road-section";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            spaceId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @enum {string} */
                            kind: "public-space" | "green-plot" | "facility" | "road-section";
                            name: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            place: string;
                            capacity: number;
                            activeAdopters: number;
                            description?: string;
                            compactId?: string;
                            /** @enum {string} */
                            source: "registered" | "handed-over";
                            projectId?: string;
                            /** Format: date-time */
                            registeredAt: string;
                            registeredBy: string;
                            freeSlots: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    registerSpace: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    village: string;
                    /** @enum {string} */
                    kind: "public-space" | "green-plot" | "facility" | "road-section";
                    name: string;
                    /** @description Place path from the province down, ids joined by "/" */
                    place: string;
                    /** @default 1 */
                    capacity?: number;
                    description?: string;
                    compactId?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        spaceId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        kind: "public-space" | "green-plot" | "facility" | "road-section";
                        name: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        capacity: number;
                        activeAdopters: number;
                        description?: string;
                        compactId?: string;
                        /** @enum {string} */
                        source: "registered" | "handed-over";
                        projectId?: string;
                        /** Format: date-time */
                        registeredAt: string;
                        registeredBy: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getSpace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                spaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        space: {
                            spaceId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @enum {string} */
                            kind: "public-space" | "green-plot" | "facility" | "road-section";
                            name: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            place: string;
                            capacity: number;
                            activeAdopters: number;
                            description?: string;
                            compactId?: string;
                            /** @enum {string} */
                            source: "registered" | "handed-over";
                            projectId?: string;
                            /** Format: date-time */
                            registeredAt: string;
                            registeredBy: string;
                        };
                        adoptions: {
                            adoptionId: string;
                            /** @enum {string} */
                            kind: "household" | "party-member" | "group";
                            name: string;
                            adoptedOn: string;
                            releasedOn?: string;
                            /** @enum {string} */
                            status: "active" | "released";
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    adoptSpace: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                spaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    as: "household";
                } | {
                    /** @constant */
                    as: "party-member";
                } | {
                    /** @constant */
                    as: "group";
                    group: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        adoptionId: string;
                        spaceId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        spaceKind: "public-space" | "green-plot" | "facility" | "road-section";
                        adopter: {
                            /** @enum {string} */
                            kind: "household" | "party-member" | "group";
                            id: string;
                        };
                        person: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        household?: string;
                        /** @enum {string} */
                        status: "active" | "released";
                        /** Format: date */
                        adoptedOn: string;
                        /** Format: date-time */
                        adoptedAt: string;
                        /** Format: date */
                        releasedOn?: string;
                        releasedBy?: string;
                        releaseReason?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    releaseAdoption: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                adoptionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        adoptionId: string;
                        spaceId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        spaceKind: "public-space" | "green-plot" | "facility" | "road-section";
                        adopter: {
                            /** @enum {string} */
                            kind: "household" | "party-member" | "group";
                            id: string;
                        };
                        person: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        household?: string;
                        /** @enum {string} */
                        status: "active" | "released";
                        /** Format: date */
                        adoptedOn: string;
                        /** Format: date-time */
                        adoptedAt: string;
                        /** Format: date */
                        releasedOn?: string;
                        releasedBy?: string;
                        releaseReason?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getAdoption: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                adoptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        adoption: {
                            adoptionId: string;
                            spaceId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @enum {string} */
                            spaceKind: "public-space" | "green-plot" | "facility" | "road-section";
                            adopter: {
                                /** @enum {string} */
                                kind: "household" | "party-member" | "group";
                                id: string;
                            };
                            person: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            household?: string;
                            /** @enum {string} */
                            status: "active" | "released";
                            /** Format: date */
                            adoptedOn: string;
                            /** Format: date-time */
                            adoptedAt: string;
                            /** Format: date */
                            releasedOn?: string;
                            releasedBy?: string;
                            releaseReason?: string;
                        };
                        upkeep: {
                            upkeepId: string;
                            adoptionId: string;
                            spaceId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            person: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            household?: string;
                            note: string;
                            evidence: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            }[];
                            /** Format: date */
                            loggedOn: string;
                            /** Format: date-time */
                            loggedAt: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    logUpkeep: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                adoptionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note: string;
                    evidence?: {
                        key: string;
                        contentType?: string;
                        sha256?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        upkeepId: string;
                        adoptionId: string;
                        spaceId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        person: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        household?: string;
                        note: string;
                        evidence: {
                            key: string;
                            contentType?: string;
                            sha256?: string;
                        }[];
                        /** Format: date */
                        loggedOn: string;
                        /** Format: date-time */
                        loggedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    requestEvidenceUpload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    filename: string;
                    /** @enum {string} */
                    contentType: "image/jpeg" | "image/png" | "image/webp" | "image/heic" | "video/mp4" | "video/quicktime" | "application/pdf" | "text/plain";
                    /** @description The exact size of the file in bytes; the upload must send exactly this many. */
                    size: number;
                    /** @description Place path from the province down, ids joined by "/" */
                    village: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        uploadUrl: string;
                        /** @constant */
                        method: "PUT";
                        headers: {
                            [key: string]: string;
                        };
                        expiresAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listInspections: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            inspectionId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @enum {string} */
                            kind: "scheduled" | "unannounced";
                            topic: string;
                            /** @enum {string} */
                            status: "scheduled" | "recorded";
                            /** Format: date */
                            scheduledFor?: string;
                            /** Format: date */
                            conductedOn?: string;
                            inspector?: string;
                            scheduledBy?: string;
                            results: {
                                /** @description Place path from the province down, ids joined by "/" */
                                household: string;
                                /** @enum {string} */
                                item: "sanitation" | "order" | "greenery";
                                /** @enum {string} */
                                outcome: "pass" | "fail";
                                note?: string;
                                evidence?: {
                                    key: string;
                                    contentType?: string;
                                    sha256?: string;
                                }[];
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            recordedAt?: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    createInspection: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    kind: "scheduled";
                    /** @description Place path from the province down, ids joined by "/" */
                    village: string;
                    topic: string;
                    /** Format: date */
                    scheduledFor: string;
                } | {
                    /** @constant */
                    kind: "unannounced";
                    /** @description Place path from the province down, ids joined by "/" */
                    village: string;
                    topic: string;
                    /** Format: date */
                    conductedOn?: string;
                    results: {
                        /** @description Place path from the province down, ids joined by "/" */
                        household: string;
                        /** @enum {string} */
                        item: "sanitation" | "order" | "greenery";
                        /** @enum {string} */
                        outcome: "pass" | "fail";
                        note?: string;
                        evidence?: {
                            key: string;
                            contentType?: string;
                            sha256?: string;
                        }[];
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        inspectionId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        kind: "scheduled" | "unannounced";
                        topic: string;
                        /** @enum {string} */
                        status: "scheduled" | "recorded";
                        /** Format: date */
                        scheduledFor?: string;
                        /** Format: date */
                        conductedOn?: string;
                        inspector?: string;
                        scheduledBy?: string;
                        results: {
                            /** @description Place path from the province down, ids joined by "/" */
                            household: string;
                            /** @enum {string} */
                            item: "sanitation" | "order" | "greenery";
                            /** @enum {string} */
                            outcome: "pass" | "fail";
                            note?: string;
                            evidence?: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            }[];
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        recordedAt?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    recordInspectionResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                inspectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date */
                    conductedOn?: string;
                    results: {
                        /** @description Place path from the province down, ids joined by "/" */
                        household: string;
                        /** @enum {string} */
                        item: "sanitation" | "order" | "greenery";
                        /** @enum {string} */
                        outcome: "pass" | "fail";
                        note?: string;
                        evidence?: {
                            key: string;
                            contentType?: string;
                            sha256?: string;
                        }[];
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        inspectionId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        kind: "scheduled" | "unannounced";
                        topic: string;
                        /** @enum {string} */
                        status: "scheduled" | "recorded";
                        /** Format: date */
                        scheduledFor?: string;
                        /** Format: date */
                        conductedOn?: string;
                        inspector?: string;
                        scheduledBy?: string;
                        results: {
                            /** @description Place path from the province down, ids joined by "/" */
                            household: string;
                            /** @enum {string} */
                            item: "sanitation" | "order" | "greenery";
                            /** @enum {string} */
                            outcome: "pass" | "fail";
                            note?: string;
                            evidence?: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            }[];
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        recordedAt?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getInspection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                inspectionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        inspectionId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        kind: "scheduled" | "unannounced";
                        topic: string;
                        /** @enum {string} */
                        status: "scheduled" | "recorded";
                        /** Format: date */
                        scheduledFor?: string;
                        /** Format: date */
                        conductedOn?: string;
                        inspector?: string;
                        scheduledBy?: string;
                        results: {
                            /** @description Place path from the province down, ids joined by "/" */
                            household: string;
                            /** @enum {string} */
                            item: "sanitation" | "order" | "greenery";
                            /** @enum {string} */
                            outcome: "pass" | "fail";
                            note?: string;
                            evidence?: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            }[];
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        recordedAt?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listViolations: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            violationId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            household: string;
                            person: string;
                            compactId: string;
                            compactVersion: number;
                            articleId: string;
                            articleTitle: string;
                            violationType: string;
                            violationName: string;
                            /** Format: date */
                            occurredOn: string;
                            description: string;
                            handling: {
                                pointsDeduction?: number;
                                publicListing?: boolean;
                                rectificationDays?: number;
                                /** @enum {string} */
                                referralTo?: "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council";
                            };
                            inspectionId?: string;
                            evidence: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            }[];
                            recordedBy: string;
                            /** Format: date-time */
                            recordedAt: string;
                            /** Format: date */
                            recordedOn: string;
                            /** @enum {string} */
                            status: "recorded" | "appealed" | "upheld" | "overturned";
                            appeal?: {
                                by: string;
                                /** Format: date-time */
                                at: string;
                                reason: string;
                            };
                            ruling?: {
                                /** @enum {string} */
                                outcome: "upheld" | "overturned";
                                by: string;
                                /** Format: date-time */
                                at: string;
                                reason: string;
                            };
                            rectification?: {
                                /** Format: date */
                                deadline: string;
                                /** @enum {string} */
                                status: "open" | "overdue" | "closed" | "cancelled";
                                /** Format: date */
                                closedOn?: string;
                                closedBy?: string;
                                note?: string;
                                evidence?: {
                                    key: string;
                                    contentType?: string;
                                    sha256?: string;
                                }[];
                                late?: boolean;
                            };
                            revision: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    recordViolation: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    household: string;
                    person?: string;
                    compactId: string;
                    violationType: string;
                    /** Format: date */
                    occurredOn: string;
                    description: string;
                    inspectionId?: string;
                    evidence?: {
                        key: string;
                        contentType?: string;
                        sha256?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        violationId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        household: string;
                        person: string;
                        compactId: string;
                        compactVersion: number;
                        articleId: string;
                        articleTitle: string;
                        violationType: string;
                        violationName: string;
                        /** Format: date */
                        occurredOn: string;
                        description: string;
                        handling: {
                            pointsDeduction?: number;
                            publicListing?: boolean;
                            rectificationDays?: number;
                            /** @enum {string} */
                            referralTo?: "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council";
                        };
                        inspectionId?: string;
                        evidence: {
                            key: string;
                            contentType?: string;
                            sha256?: string;
                        }[];
                        recordedBy: string;
                        /** Format: date-time */
                        recordedAt: string;
                        /** Format: date */
                        recordedOn: string;
                        /** @enum {string} */
                        status: "recorded" | "appealed" | "upheld" | "overturned";
                        appeal?: {
                            by: string;
                            /** Format: date-time */
                            at: string;
                            reason: string;
                        };
                        ruling?: {
                            /** @enum {string} */
                            outcome: "upheld" | "overturned";
                            by: string;
                            /** Format: date-time */
                            at: string;
                            reason: string;
                        };
                        rectification?: {
                            /** Format: date */
                            deadline: string;
                            /** @enum {string} */
                            status: "open" | "overdue" | "closed" | "cancelled";
                            /** Format: date */
                            closedOn?: string;
                            closedBy?: string;
                            note?: string;
                            evidence?: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            }[];
                            late?: boolean;
                        };
                        revision: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getViolation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                violationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        violationId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        household: string;
                        person: string;
                        compactId: string;
                        compactVersion: number;
                        articleId: string;
                        articleTitle: string;
                        violationType: string;
                        violationName: string;
                        /** Format: date */
                        occurredOn: string;
                        description: string;
                        handling: {
                            pointsDeduction?: number;
                            publicListing?: boolean;
                            rectificationDays?: number;
                            /** @enum {string} */
                            referralTo?: "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council";
                        };
                        inspectionId?: string;
                        evidence: {
                            key: string;
                            contentType?: string;
                            sha256?: string;
                        }[];
                        recordedBy: string;
                        /** Format: date-time */
                        recordedAt: string;
                        /** Format: date */
                        recordedOn: string;
                        /** @enum {string} */
                        status: "recorded" | "appealed" | "upheld" | "overturned";
                        appeal?: {
                            by: string;
                            /** Format: date-time */
                            at: string;
                            reason: string;
                        };
                        ruling?: {
                            /** @enum {string} */
                            outcome: "upheld" | "overturned";
                            by: string;
                            /** Format: date-time */
                            at: string;
                            reason: string;
                        };
                        rectification?: {
                            /** Format: date */
                            deadline: string;
                            /** @enum {string} */
                            status: "open" | "overdue" | "closed" | "cancelled";
                            /** Format: date */
                            closedOn?: string;
                            closedBy?: string;
                            note?: string;
                            evidence?: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            }[];
                            late?: boolean;
                        };
                        revision: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    appealViolation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                violationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        violationId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        household: string;
                        person: string;
                        compactId: string;
                        compactVersion: number;
                        articleId: string;
                        articleTitle: string;
                        violationType: string;
                        violationName: string;
                        /** Format: date */
                        occurredOn: string;
                        description: string;
                        handling: {
                            pointsDeduction?: number;
                            publicListing?: boolean;
                            rectificationDays?: number;
                            /** @enum {string} */
                            referralTo?: "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council";
                        };
                        inspectionId?: string;
                        evidence: {
                            key: string;
                            contentType?: string;
                            sha256?: string;
                        }[];
                        recordedBy: string;
                        /** Format: date-time */
                        recordedAt: string;
                        /** Format: date */
                        recordedOn: string;
                        /** @enum {string} */
                        status: "recorded" | "appealed" | "upheld" | "overturned";
                        appeal?: {
                            by: string;
                            /** Format: date-time */
                            at: string;
                            reason: string;
                        };
                        ruling?: {
                            /** @enum {string} */
                            outcome: "upheld" | "overturned";
                            by: string;
                            /** Format: date-time */
                            at: string;
                            reason: string;
                        };
                        rectification?: {
                            /** Format: date */
                            deadline: string;
                            /** @enum {string} */
                            status: "open" | "overdue" | "closed" | "cancelled";
                            /** Format: date */
                            closedOn?: string;
                            closedBy?: string;
                            note?: string;
                            evidence?: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            }[];
                            late?: boolean;
                        };
                        revision: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    ruleOnAppeal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                violationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    outcome: "uphold" | "overturn";
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        violationId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        household: string;
                        person: string;
                        compactId: string;
                        compactVersion: number;
                        articleId: string;
                        articleTitle: string;
                        violationType: string;
                        violationName: string;
                        /** Format: date */
                        occurredOn: string;
                        description: string;
                        handling: {
                            pointsDeduction?: number;
                            publicListing?: boolean;
                            rectificationDays?: number;
                            /** @enum {string} */
                            referralTo?: "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council";
                        };
                        inspectionId?: string;
                        evidence: {
                            key: string;
                            contentType?: string;
                            sha256?: string;
                        }[];
                        recordedBy: string;
                        /** Format: date-time */
                        recordedAt: string;
                        /** Format: date */
                        recordedOn: string;
                        /** @enum {string} */
                        status: "recorded" | "appealed" | "upheld" | "overturned";
                        appeal?: {
                            by: string;
                            /** Format: date-time */
                            at: string;
                            reason: string;
                        };
                        ruling?: {
                            /** @enum {string} */
                            outcome: "upheld" | "overturned";
                            by: string;
                            /** Format: date-time */
                            at: string;
                            reason: string;
                        };
                        rectification?: {
                            /** Format: date */
                            deadline: string;
                            /** @enum {string} */
                            status: "open" | "overdue" | "closed" | "cancelled";
                            /** Format: date */
                            closedOn?: string;
                            closedBy?: string;
                            note?: string;
                            evidence?: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            }[];
                            late?: boolean;
                        };
                        revision: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    closeRectification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                violationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note: string;
                    evidence?: {
                        key: string;
                        contentType?: string;
                        sha256?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        violationId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        household: string;
                        person: string;
                        compactId: string;
                        compactVersion: number;
                        articleId: string;
                        articleTitle: string;
                        violationType: string;
                        violationName: string;
                        /** Format: date */
                        occurredOn: string;
                        description: string;
                        handling: {
                            pointsDeduction?: number;
                            publicListing?: boolean;
                            rectificationDays?: number;
                            /** @enum {string} */
                            referralTo?: "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council";
                        };
                        inspectionId?: string;
                        evidence: {
                            key: string;
                            contentType?: string;
                            sha256?: string;
                        }[];
                        recordedBy: string;
                        /** Format: date-time */
                        recordedAt: string;
                        /** Format: date */
                        recordedOn: string;
                        /** @enum {string} */
                        status: "recorded" | "appealed" | "upheld" | "overturned";
                        appeal?: {
                            by: string;
                            /** Format: date-time */
                            at: string;
                            reason: string;
                        };
                        ruling?: {
                            /** @enum {string} */
                            outcome: "upheld" | "overturned";
                            by: string;
                            /** Format: date-time */
                            at: string;
                            reason: string;
                        };
                        rectification?: {
                            /** Format: date */
                            deadline: string;
                            /** @enum {string} */
                            status: "open" | "overdue" | "closed" | "cancelled";
                            /** Format: date */
                            closedOn?: string;
                            closedBy?: string;
                            note?: string;
                            evidence?: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            }[];
                            late?: boolean;
                        };
                        revision: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getPublicBoards: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
                /** @description A month (YYYY-MM) or a quarter (YYYY-Qn) */
                period?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            villageName: string;
                            period: string;
                            /** Format: date */
                            from: string;
                            /** Format: date */
                            to: string;
                            rule: string;
                            /** Format: date-time */
                            publishedAt: string;
                            red: {
                                rank: number;
                                name: string;
                                group: string;
                                score: number;
                                reasons?: ("publicly-listed-violation" | "overdue-rectification" | "repeated-inspection-failures")[];
                            }[];
                            black: {
                                rank: number;
                                name: string;
                                group: string;
                                score: number;
                                reasons?: ("publicly-listed-violation" | "overdue-rectification" | "repeated-inspection-failures")[];
                            }[];
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    publishBoard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    village: string;
                    /** @description A month (YYYY-MM) or a quarter (YYYY-Qn) */
                    period: string;
                };
            };
        };
        responses: {
            /** @description Published before: the first publication, unchanged */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        period: string;
                        /** Format: date */
                        from: string;
                        /** Format: date */
                        to: string;
                        rule: string;
                        red: {
                            /** @description Place path from the province down, ids joined by "/" */
                            household: string;
                            person: string;
                            passes: number;
                            fails: number;
                            violations: number;
                            listed: number;
                            overdue: number;
                            upkeepDays: number;
                            score: number;
                        }[];
                        black: {
                            /** @description Place path from the province down, ids joined by "/" */
                            household: string;
                            person: string;
                            passes: number;
                            fails: number;
                            violations: number;
                            listed: number;
                            overdue: number;
                            upkeepDays: number;
                            score: number;
                            reasons: ("publicly-listed-violation" | "overdue-rectification" | "repeated-inspection-failures")[];
                        }[];
                        /** Format: date-time */
                        publishedAt: string;
                        publishedBy: string;
                    };
                };
            };
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        period: string;
                        /** Format: date */
                        from: string;
                        /** Format: date */
                        to: string;
                        rule: string;
                        red: {
                            /** @description Place path from the province down, ids joined by "/" */
                            household: string;
                            person: string;
                            passes: number;
                            fails: number;
                            violations: number;
                            listed: number;
                            overdue: number;
                            upkeepDays: number;
                            score: number;
                        }[];
                        black: {
                            /** @description Place path from the province down, ids joined by "/" */
                            household: string;
                            person: string;
                            passes: number;
                            fails: number;
                            violations: number;
                            listed: number;
                            overdue: number;
                            upkeepDays: number;
                            score: number;
                            reasons: ("publicly-listed-violation" | "overdue-rectification" | "repeated-inspection-failures")[];
                        }[];
                        /** Format: date-time */
                        publishedAt: string;
                        publishedBy: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getBoardInFull: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
                /** @description A month (YYYY-MM) or a quarter (YYYY-Qn) */
                period: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        period: string;
                        /** Format: date */
                        from: string;
                        /** Format: date */
                        to: string;
                        rule: string;
                        red: {
                            /** @description Place path from the province down, ids joined by "/" */
                            household: string;
                            person: string;
                            passes: number;
                            fails: number;
                            violations: number;
                            listed: number;
                            overdue: number;
                            upkeepDays: number;
                            score: number;
                        }[];
                        black: {
                            /** @description Place path from the province down, ids joined by "/" */
                            household: string;
                            person: string;
                            passes: number;
                            fails: number;
                            violations: number;
                            listed: number;
                            overdue: number;
                            upkeepDays: number;
                            score: number;
                            reasons: ("publicly-listed-violation" | "overdue-rectification" | "repeated-inspection-failures")[];
                        }[];
                        /** Format: date-time */
                        publishedAt: string;
                        publishedBy: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listSchemeTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            version: number;
                            title: {
                                zh: string;
                                en: string;
                            };
                            description: string;
                            defaultFor: string[];
                            threshold: number;
                            criteria: components["schemas"]["Criterion"][];
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listSchemes: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                place: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            schemeId: string;
                            place: string;
                            title: {
                                zh: string;
                                en: string;
                            };
                            latest: number;
                            savedAt: string;
                            template?: string;
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    createScheme: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    place: string;
                    template?: string;
                    title?: {
                        zh: string;
                        en: string;
                    };
                    description?: string;
                    threshold?: number;
                    criteria?: components["schemas"]["CriterionInput"][];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemeId: string;
                        version: number;
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        title: {
                            zh: string;
                            en: string;
                        };
                        description?: string;
                        threshold: number;
                        criteria: components["schemas"]["Criterion"][];
                        template?: string;
                        savedBy: string;
                        savedAt: string;
                        leaves: number;
                        latest: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getScheme: {
        parameters: {
            query?: {
                version?: number;
            };
            header?: never;
            path: {
                schemeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemeId: string;
                        version: number;
                        latest: number;
                        title: {
                            zh: string;
                            en: string;
                        };
                        threshold: number;
                        criteria: components["schemas"]["Criterion"][];
                        leaves: number;
                        place?: string;
                        savedAt?: string;
                        template?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    reviseScheme: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                schemeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The latest version you edited */
                    expectedVersion: number;
                    title?: {
                        zh: string;
                        en: string;
                    };
                    description?: string;
                    threshold?: number;
                    criteria: components["schemas"]["CriterionInput"][];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schemeId: string;
                        version: number;
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        title: {
                            zh: string;
                            en: string;
                        };
                        description?: string;
                        threshold: number;
                        criteria: components["schemas"]["Criterion"][];
                        template?: string;
                        savedBy: string;
                        savedAt: string;
                        leaves: number;
                        latest: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listSchemeBindings: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                place: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            place: string;
                            purpose: string;
                            stage?: string;
                            schemeId: string;
                            boundBy: string;
                            boundAt: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    bindScheme: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    place: string;
                    /** @enum {string} */
                    purpose: "satisfaction" | "quality" | "sanitation-rating" | "village-review" | "competition";
                    /** @enum {string} */
                    stage?: "before" | "during" | "after";
                    schemeId: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        place: string;
                        purpose: string;
                        stage?: string;
                        schemeId: string;
                        boundBy: string;
                        boundAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getProjectReviews: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        projectId: string;
                        village: string;
                        title?: string;
                        stage?: string;
                        /** @description False while only later events (e.g. acceptance) have arrived, not ProjectOpened */
                        known: boolean;
                        reviewedStages: string[];
                        superseded: string[];
                        reviews: {
                            reviewId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @enum {string} */
                            kind: "satisfaction" | "quality";
                            projectId?: string;
                            projectTitle?: string;
                            /** @enum {string} */
                            stage?: "before" | "during" | "after";
                            title: {
                                zh: string;
                                en: string;
                            };
                            /** @enum {string} */
                            status: "open" | "published";
                            eligibleCount: number;
                            responses: number;
                            openedAt: string;
                            closesAt: string;
                            openedBy: string;
                            publishedAt?: string;
                            schemeId: string;
                            schemeVersion: number;
                            responseRate: number | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listReviews: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
                projectId?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            reviewId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @enum {string} */
                            kind: "satisfaction" | "quality";
                            projectId?: string;
                            projectTitle?: string;
                            /** @enum {string} */
                            stage?: "before" | "during" | "after";
                            title: {
                                zh: string;
                                en: string;
                            };
                            /** @enum {string} */
                            status: "open" | "published";
                            eligibleCount: number;
                            responses: number;
                            openedAt: string;
                            closesAt: string;
                            openedBy: string;
                            publishedAt?: string;
                            schemeId: string;
                            schemeVersion: number;
                            responseRate: number | null;
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    openReview: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    village: string;
                    /** @enum {string} */
                    kind: "satisfaction" | "quality";
                    title: {
                        zh: string;
                        en: string;
                    };
                    /** @description Default: the scheme bound for the purpose here, else its template */
                    schemeId?: string;
                    /** @description Satisfaction only; default every household of the village */
                    households?: string[];
                    /** Format: date-time */
                    closesAt?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        reviewId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        kind: "satisfaction" | "quality";
                        projectId?: string;
                        projectTitle?: string;
                        /** @enum {string} */
                        stage?: "before" | "during" | "after";
                        title: {
                            zh: string;
                            en: string;
                        };
                        /** @enum {string} */
                        status: "open" | "published";
                        eligibleCount: number;
                        responses: number;
                        openedAt: string;
                        closesAt: string;
                        openedBy: string;
                        publishedAt?: string;
                        schemeId: string;
                        schemeVersion: number;
                        responseRate: number | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reviewId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        reviewId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        kind: "satisfaction" | "quality";
                        projectId?: string;
                        projectTitle?: string;
                        /** @enum {string} */
                        stage?: "before" | "during" | "after";
                        title: {
                            zh: string;
                            en: string;
                        };
                        scheme: {
                            schemeId: string;
                            version: number;
                            title: {
                                zh: string;
                                en: string;
                            };
                            threshold: number;
                            criteria: components["schemas"]["Criterion"][];
                        };
                        /** @enum {string} */
                        status: "open" | "published";
                        eligibleCount: number;
                        responses: number;
                        openedAt: string;
                        closesAt: string;
                        openedBy: string;
                        publishedAt?: string;
                        responseRate: number | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listReviewResponses: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reviewId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        reviewId: string;
                        items: {
                            responseId: string;
                            reviewer: string;
                            reviewerName?: string;
                            maskedName?: string;
                            household?: string;
                            role?: string;
                            eligibleMember: boolean;
                            scores: {
                                [key: string]: number;
                            };
                            overall: number;
                            comment?: string;
                            submittedAt: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    respondToReview: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                reviewId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Every leaf criterion id → an integer on its scale */
                    scores: {
                        [key: string]: number;
                    };
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        responseId: string;
                        reviewId: string;
                        overall: number;
                        submittedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getReviewResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reviewId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        responses: number;
                        eligible: number;
                        eligibleResponses?: number;
                        responseRate: number | null;
                        overall?: number | null;
                        criteria?: {
                            criterionId: string;
                            name: {
                                zh: string;
                                en: string;
                            };
                            depth: number;
                            weight: number;
                            leaf: boolean;
                            score: number | null;
                            counts?: {
                                [key: string]: number;
                            };
                        }[];
                        distribution?: {
                            band: string;
                            count: number;
                        }[];
                        threshold?: number;
                        belowThreshold?: string[];
                        reviewId: string;
                        status: string;
                        publishedAt?: string;
                        live: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    closeReview: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                reviewId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        responses: number;
                        eligible: number;
                        eligibleResponses: number;
                        responseRate: number | null;
                        overall: number | null;
                        criteria: {
                            criterionId: string;
                            name: {
                                zh: string;
                                en: string;
                            };
                            depth: number;
                            weight: number;
                            leaf: boolean;
                            score: number | null;
                            counts?: {
                                [key: string]: number;
                            };
                        }[];
                        distribution: {
                            band: string;
                            count: number;
                        }[];
                        threshold: number;
                        belowThreshold: string[];
                        reviewId: string;
                        status: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listRectifications: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
                status?: "open" | "reported" | "closed";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            rectificationId: string;
                            reviewId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            projectId?: string;
                            /** @enum {string} */
                            stage?: "before" | "during" | "after";
                            criterionId: string;
                            criterion: {
                                zh: string;
                                en: string;
                            };
                            score: number;
                            threshold: number;
                            /** @enum {string} */
                            status: "open" | "reported" | "closed";
                            openedAt: string;
                            reportedBy?: string;
                            closedAt?: string;
                            history: {
                                /** @enum {string} */
                                action: "opened" | "reported" | "accepted" | "rejected";
                                by: string;
                                at: string;
                                note?: string;
                                evidence?: {
                                    key: string;
                                    contentType?: string;
                                    sha256?: string;
                                }[];
                            }[];
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getRectification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rectificationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rectificationId: string;
                        reviewId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        projectId?: string;
                        /** @enum {string} */
                        stage?: "before" | "during" | "after";
                        criterionId: string;
                        criterion: {
                            zh: string;
                            en: string;
                        };
                        score: number;
                        threshold: number;
                        /** @enum {string} */
                        status: "open" | "reported" | "closed";
                        openedAt: string;
                        reportedBy?: string;
                        closedAt?: string;
                        history: {
                            /** @enum {string} */
                            action: "opened" | "reported" | "accepted" | "rejected";
                            by: string;
                            at: string;
                            note?: string;
                            evidence?: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            }[];
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    reportRectification: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                rectificationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note: string;
                    /** @default [] */
                    evidence?: {
                        key: string;
                        contentType?: string;
                        sha256?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rectificationId: string;
                        reviewId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        projectId?: string;
                        /** @enum {string} */
                        stage?: "before" | "during" | "after";
                        criterionId: string;
                        criterion: {
                            zh: string;
                            en: string;
                        };
                        score: number;
                        threshold: number;
                        /** @enum {string} */
                        status: "open" | "reported" | "closed";
                        openedAt: string;
                        reportedBy?: string;
                        closedAt?: string;
                        history: {
                            /** @enum {string} */
                            action: "opened" | "reported" | "accepted" | "rejected";
                            by: string;
                            at: string;
                            note?: string;
                            evidence?: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            }[];
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    verifyRectification: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                rectificationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    accepted: boolean;
                    note: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rectificationId: string;
                        reviewId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        projectId?: string;
                        /** @enum {string} */
                        stage?: "before" | "during" | "after";
                        criterionId: string;
                        criterion: {
                            zh: string;
                            en: string;
                        };
                        score: number;
                        threshold: number;
                        /** @enum {string} */
                        status: "open" | "reported" | "closed";
                        openedAt: string;
                        reportedBy?: string;
                        closedAt?: string;
                        history: {
                            /** @enum {string} */
                            action: "opened" | "reported" | "accepted" | "rejected";
                            by: string;
                            at: string;
                            note?: string;
                            evidence?: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            }[];
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    requestEvaluationEvidenceUpload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    filename: string;
                    /** @enum {string} */
                    contentType: "image/jpeg" | "image/png" | "image/webp" | "image/heic" | "video/mp4" | "video/quicktime" | "application/pdf" | "text/plain";
                    /** @description The exact size of the file in bytes; the upload must send exactly this many. */
                    size: number;
                    /** @description Place path from the province down, ids joined by "/" */
                    place: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        uploadUrl: string;
                        /** @constant */
                        method: "PUT";
                        headers: {
                            [key: string]: string;
                        };
                        expiresAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listCompetitions: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                place: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            competitionId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            place: string;
                            /** @enum {string} */
                            kind: "courtyard" | "five-star-household" | "model-community" | "satisfied-project" | "sanitation-rating" | "other";
                            title: {
                                zh: string;
                                en: string;
                            };
                            period?: string;
                            /** @enum {string} */
                            nomineeKind: "household" | "person" | "village";
                            openNominees: boolean;
                            scheme: {
                                schemeId: string;
                                version: number;
                                title: {
                                    zh: string;
                                    en: string;
                                };
                                threshold: number;
                                criteria: components["schemas"]["Criterion"][];
                            };
                            jury: string[];
                            awards: number;
                            minScore?: number;
                            /** @enum {string} */
                            status: "nominating" | "judging" | "decided";
                            nominations: number;
                            scores: number;
                            minJurors: number;
                            createdBy: string;
                            createdAt: string;
                            decidedAt?: string;
                            winners?: {
                                awardId: string;
                                nominee: {
                                    /** @enum {string} */
                                    kind: "household" | "person" | "village";
                                    id: string;
                                };
                                rank: number;
                                score: number;
                                person?: string;
                                household?: string;
                                village: string;
                            }[];
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    createCompetition: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    place: string;
                    /** @enum {string} */
                    kind: "courtyard" | "five-star-household" | "model-community" | "satisfied-project" | "sanitation-rating" | "other";
                    title: {
                        zh: string;
                        en: string;
                    };
                    /** @description e.g. 2026, 2026-Q3 */
                    period?: string;
                    schemeId?: string;
                    /** @description Default for a sanitation rating: the village’s sanitation-rating group */
                    jury?: string[];
                    /** @description How many places are awarded (ties share a place) */
                    awards: number;
                    /** @description Winners must also score at least this */
                    minScore?: number;
                    /**
                     * @description Nominees scored by fewer jurors are not ranked
                     * @default 1
                     */
                    minJurors?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        competitionId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        /** @enum {string} */
                        kind: "courtyard" | "five-star-household" | "model-community" | "satisfied-project" | "sanitation-rating" | "other";
                        title: {
                            zh: string;
                            en: string;
                        };
                        period?: string;
                        /** @enum {string} */
                        nomineeKind: "household" | "person" | "village";
                        openNominees: boolean;
                        scheme: {
                            schemeId: string;
                            version: number;
                            title: {
                                zh: string;
                                en: string;
                            };
                            threshold: number;
                            criteria: components["schemas"]["Criterion"][];
                        };
                        jury: string[];
                        awards: number;
                        minScore?: number;
                        /** @enum {string} */
                        status: "nominating" | "judging" | "decided";
                        nominations: number;
                        scores: number;
                        minJurors: number;
                        createdBy: string;
                        createdAt: string;
                        decidedAt?: string;
                        winners?: {
                            awardId: string;
                            nominee: {
                                /** @enum {string} */
                                kind: "household" | "person" | "village";
                                id: string;
                            };
                            rank: number;
                            score: number;
                            person?: string;
                            household?: string;
                            village: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getCompetition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                competitionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        competitionId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        /** @enum {string} */
                        kind: "courtyard" | "five-star-household" | "model-community" | "satisfied-project" | "sanitation-rating" | "other";
                        title: {
                            zh: string;
                            en: string;
                        };
                        period?: string;
                        /** @enum {string} */
                        nomineeKind: "household" | "person" | "village";
                        openNominees: boolean;
                        scheme: {
                            schemeId: string;
                            version: number;
                            title: {
                                zh: string;
                                en: string;
                            };
                            threshold: number;
                            criteria: components["schemas"]["Criterion"][];
                        };
                        jury: string[];
                        awards: number;
                        minScore?: number;
                        /** @enum {string} */
                        status: "nominating" | "judging" | "decided";
                        nominations: number;
                        scores: number;
                        minJurors: number;
                        createdBy: string;
                        createdAt: string;
                        decidedAt?: string;
                        winners?: {
                            awardId: string;
                            nominee: {
                                /** @enum {string} */
                                kind: "household" | "person" | "village";
                                id: string;
                            };
                            rank: number;
                            score: number;
                            person?: string;
                            household?: string;
                            village: string;
                        }[];
                        nominees?: {
                            nominee: {
                                /** @enum {string} */
                                kind: "household" | "person" | "village";
                                id: string;
                            };
                            label: string;
                            nominatedAt: string;
                        }[];
                        standings?: {
                            rank: number;
                            nominee: {
                                /** @enum {string} */
                                kind: "household" | "person" | "village";
                                id: string;
                            };
                            label: string;
                            score: number;
                            jurors: number;
                            winner: boolean;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    nominate: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                competitionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    nominee: {
                        /** @enum {string} */
                        kind: "household" | "person" | "village";
                        id: string;
                    };
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        nominationId: string;
                        nominee: {
                            /** @enum {string} */
                            kind: "household" | "person" | "village";
                            id: string;
                        };
                        village: string;
                        nominatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    startJudging: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                competitionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        competitionId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        /** @enum {string} */
                        kind: "courtyard" | "five-star-household" | "model-community" | "satisfied-project" | "sanitation-rating" | "other";
                        title: {
                            zh: string;
                            en: string;
                        };
                        period?: string;
                        /** @enum {string} */
                        nomineeKind: "household" | "person" | "village";
                        openNominees: boolean;
                        scheme: {
                            schemeId: string;
                            version: number;
                            title: {
                                zh: string;
                                en: string;
                            };
                            threshold: number;
                            criteria: components["schemas"]["Criterion"][];
                        };
                        jury: string[];
                        awards: number;
                        minScore?: number;
                        /** @enum {string} */
                        status: "nominating" | "judging" | "decided";
                        nominations: number;
                        scores: number;
                        minJurors: number;
                        createdBy: string;
                        createdAt: string;
                        decidedAt?: string;
                        winners?: {
                            awardId: string;
                            nominee: {
                                /** @enum {string} */
                                kind: "household" | "person" | "village";
                                id: string;
                            };
                            rank: number;
                            score: number;
                            person?: string;
                            household?: string;
                            village: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    scoreNominee: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                competitionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    nominee: {
                        /** @enum {string} */
                        kind: "household" | "person" | "village";
                        id: string;
                    };
                    scores: {
                        [key: string]: number;
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        nominee: {
                            /** @enum {string} */
                            kind: "household" | "person" | "village";
                            id: string;
                        };
                        overall: number;
                        scoredAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    decideCompetition: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                competitionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        competitionId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        /** @enum {string} */
                        kind: "courtyard" | "five-star-household" | "model-community" | "satisfied-project" | "sanitation-rating" | "other";
                        title: {
                            zh: string;
                            en: string;
                        };
                        period?: string;
                        /** @enum {string} */
                        nomineeKind: "household" | "person" | "village";
                        openNominees: boolean;
                        scheme: {
                            schemeId: string;
                            version: number;
                            title: {
                                zh: string;
                                en: string;
                            };
                            threshold: number;
                            criteria: components["schemas"]["Criterion"][];
                        };
                        jury: string[];
                        awards: number;
                        minScore?: number;
                        /** @enum {string} */
                        status: "nominating" | "judging" | "decided";
                        nominations: number;
                        scores: number;
                        minJurors: number;
                        createdBy: string;
                        createdAt: string;
                        decidedAt?: string;
                        winners?: {
                            awardId: string;
                            nominee: {
                                /** @enum {string} */
                                kind: "household" | "person" | "village";
                                id: string;
                            };
                            rank: number;
                            score: number;
                            person?: string;
                            household?: string;
                            village: string;
                        }[];
                        nominees?: {
                            nominee: {
                                /** @enum {string} */
                                kind: "household" | "person" | "village";
                                id: string;
                            };
                            label: string;
                            nominatedAt: string;
                        }[];
                        standings?: {
                            rank: number;
                            nominee: {
                                /** @enum {string} */
                                kind: "household" | "person" | "village";
                                id: string;
                            };
                            label: string;
                            score: number;
                            jurors: number;
                            winner: boolean;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    submitVillageSelfReview: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    village: string;
                    year: number;
                    scores: {
                        [key: string]: number;
                    };
                    summary?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        reviewId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        township: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        county: string;
                        year: number;
                        /** @enum {string} */
                        step?: "self-reviewed" | "mutually-reviewed" | "reported" | "verified";
                        self?: {
                            scheme: {
                                schemeId: string;
                                version: number;
                            };
                            scores: {
                                [key: string]: number;
                            };
                            score: number;
                            summary?: string;
                            by: string;
                            at: string;
                        };
                        mutual?: {
                            scheme: {
                                schemeId: string;
                                version: number;
                            };
                            scores: {
                                [key: string]: number;
                            };
                            score: number;
                            summary?: string;
                            by: string;
                            at: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            reviewerVillage: string;
                        };
                        report?: {
                            score: number;
                            suggested: number;
                            note?: string;
                            unpaired: boolean;
                            by: string;
                            at: string;
                        };
                        verification?: {
                            score: number;
                            reportedScore: number;
                            adjusted: boolean;
                            reason?: string;
                            by: string;
                            at: string;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    setMutualReviewPairs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    township: string;
                    year: number;
                    pairs: [
                        string,
                        string
                    ][];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        township: string;
                        year: number;
                        pairs: [
                            string,
                            string
                        ][];
                        locked: boolean;
                        unpaired: string[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    submitMutualReview: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The reviewing village */
                    reviewer: string;
                    /** @description The village reviewed */
                    village: string;
                    year: number;
                    scores: {
                        [key: string]: number;
                    };
                    summary?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        reviewId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        township: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        county: string;
                        year: number;
                        /** @enum {string} */
                        step?: "self-reviewed" | "mutually-reviewed" | "reported" | "verified";
                        self?: {
                            scheme: {
                                schemeId: string;
                                version: number;
                            };
                            scores: {
                                [key: string]: number;
                            };
                            score: number;
                            summary?: string;
                            by: string;
                            at: string;
                        };
                        mutual?: {
                            scheme: {
                                schemeId: string;
                                version: number;
                            };
                            scores: {
                                [key: string]: number;
                            };
                            score: number;
                            summary?: string;
                            by: string;
                            at: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            reviewerVillage: string;
                        };
                        report?: {
                            score: number;
                            suggested: number;
                            note?: string;
                            unpaired: boolean;
                            by: string;
                            at: string;
                        };
                        verification?: {
                            score: number;
                            reportedScore: number;
                            adjusted: boolean;
                            reason?: string;
                            by: string;
                            at: string;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    submitTownshipReport: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    township: string;
                    year: number;
                    villages: {
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        score: number;
                        note?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            reviewId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            township: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            county: string;
                            year: number;
                            /** @enum {string} */
                            step?: "self-reviewed" | "mutually-reviewed" | "reported" | "verified";
                            self?: {
                                scheme: {
                                    schemeId: string;
                                    version: number;
                                };
                                scores: {
                                    [key: string]: number;
                                };
                                score: number;
                                summary?: string;
                                by: string;
                                at: string;
                            };
                            mutual?: {
                                scheme: {
                                    schemeId: string;
                                    version: number;
                                };
                                scores: {
                                    [key: string]: number;
                                };
                                score: number;
                                summary?: string;
                                by: string;
                                at: string;
                                /** @description Place path from the province down, ids joined by "/" */
                                reviewerVillage: string;
                            };
                            report?: {
                                score: number;
                                suggested: number;
                                note?: string;
                                unpaired: boolean;
                                by: string;
                                at: string;
                            };
                            verification?: {
                                score: number;
                                reportedScore: number;
                                adjusted: boolean;
                                reason?: string;
                                by: string;
                                at: string;
                            };
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    verifyVillageReview: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    village: string;
                    year: number;
                    /** @description Omit to confirm the reported score */
                    score?: number;
                    /** @description Required when the score differs from the reported one */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        reviewId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        township: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        county: string;
                        year: number;
                        /** @enum {string} */
                        step?: "self-reviewed" | "mutually-reviewed" | "reported" | "verified";
                        self?: {
                            scheme: {
                                schemeId: string;
                                version: number;
                            };
                            scores: {
                                [key: string]: number;
                            };
                            score: number;
                            summary?: string;
                            by: string;
                            at: string;
                        };
                        mutual?: {
                            scheme: {
                                schemeId: string;
                                version: number;
                            };
                            scores: {
                                [key: string]: number;
                            };
                            score: number;
                            summary?: string;
                            by: string;
                            at: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            reviewerVillage: string;
                        };
                        report?: {
                            score: number;
                            suggested: number;
                            note?: string;
                            unpaired: boolean;
                            by: string;
                            at: string;
                        };
                        verification?: {
                            score: number;
                            reportedScore: number;
                            adjusted: boolean;
                            reason?: string;
                            by: string;
                            at: string;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listVillageReviews: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                county: string;
                year: number;
                /** @description Place path from the province down, ids joined by "/" */
                village?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            village: string;
                            township: string;
                            year: number;
                            step?: string;
                            selfScore?: number;
                            mutualScore?: number;
                            mutualBy?: string;
                            reportedScore?: number;
                            suggestedScore?: number;
                            unpaired?: boolean;
                            verifiedScore?: number;
                            adjusted?: boolean;
                            reason?: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listAssessments: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                county: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            runId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            county: string;
                            year: number;
                            margins: {
                                promoteBp: number;
                                demoteBp: number;
                            };
                            /** @enum {string} */
                            status: "queued" | "running" | "done";
                            total: number;
                            done: number;
                            changed: number;
                            unchanged: number;
                            tierChanges: number;
                            startedBy: string;
                            createdAt: string;
                            startedAt?: string;
                            finishedAt?: string;
                            elapsedMs: number;
                            progressPct: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    startAssessment: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    county: string;
                    year: number;
                    /** @description Promotion needs a rise of MORE than this percent (default 20) */
                    promoteMarginPct?: number;
                    /** @description Demotion needs a fall of MORE than this percent (default 20) */
                    demoteMarginPct?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        runId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        county: string;
                        year: number;
                        margins: {
                            promoteBp: number;
                            demoteBp: number;
                        };
                        /** @enum {string} */
                        status: "queued" | "running" | "done";
                        total: number;
                        done: number;
                        changed: number;
                        unchanged: number;
                        tierChanges: number;
                        startedBy: string;
                        createdAt: string;
                        startedAt?: string;
                        finishedAt?: string;
                        elapsedMs: number;
                        progressPct: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getAssessment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        runId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        county: string;
                        year: number;
                        margins: {
                            promoteBp: number;
                            demoteBp: number;
                        };
                        /** @enum {string} */
                        status: "queued" | "running" | "done";
                        total: number;
                        done: number;
                        changed: number;
                        unchanged: number;
                        tierChanges: number;
                        startedBy: string;
                        createdAt: string;
                        startedAt?: string;
                        finishedAt?: string;
                        elapsedMs: number;
                        progressPct: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listAssessmentResults: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                county: string;
                year: number;
                /** @description Place path from the province down, ids joined by "/" */
                village?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            assessmentId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            county: string;
                            year: number;
                            households: number;
                            weightedCount: number;
                            score: number;
                            components: {
                                [key: string]: {
                                    count: number;
                                    perHousehold: number;
                                };
                            };
                            kpis: {
                                deliberationDepth: number;
                                buildResults: number;
                                managementMechanism: number;
                                evaluationResponse: number;
                            };
                            metricVersion: number;
                            decision: {
                                /** @enum {string} */
                                outcome: "promoted" | "demoted" | "kept" | "baseline" | "unclassified";
                                /** @enum {string} */
                                from?: "pilot" | "remediation";
                                /** @enum {string} */
                                to?: "pilot" | "remediation";
                                changePct: number | null;
                                reason: {
                                    zh: string;
                                    en: string;
                                };
                                previousScore?: number;
                                margins: {
                                    promoteBp: number;
                                    demoteBp: number;
                                };
                            };
                            /** @enum {string} */
                            tierAfter?: "pilot" | "remediation";
                            tierApplied: boolean;
                            revision: number;
                            runId: string;
                            assessedAt: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getParticipation: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
                year: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        village: string;
                        year: number;
                        metricVersion: number;
                        households: number;
                        weightedCount: number;
                        score: number;
                        components: {
                            [key: string]: {
                                count: number;
                                perHousehold: number;
                                weight: number;
                                kpi: string;
                            };
                        };
                        kpis: {
                            deliberationDepth: number;
                            buildResults: number;
                            managementMechanism: number;
                            evaluationResponse: number;
                        };
                        kpiTargets: {
                            [key: string]: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listVillageTiers: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                county: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            village: string;
                            /** @enum {string} */
                            tier: "pilot" | "remediation";
                            effectiveAt: string;
                            source: string;
                            basis: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getEarningRules: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        county?: string;
                        activities: {
                            [key: string]: {
                                points: number;
                                cap: {
                                    /** @enum {string} */
                                    period: "day" | "month" | "year";
                                    max: number;
                                } | null;
                            };
                        };
                        origin: {
                            [key: string]: "default" | "county" | "village";
                        };
                        expiryDays: number;
                        holdDays: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    putEarningRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default {} */
                    activities?: {
                        [key: string]: {
                            points: number;
                            cap: {
                                /** @enum {string} */
                                period: "day" | "month" | "year";
                                max: number;
                            } | null;
                        };
                    };
                    expiryDays?: number;
                    holdDays?: number;
                    /** @description A county (its rules) or a village/community (its overrides) */
                    scope: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @default {} */
                        activities: {
                            [key: string]: {
                                points: number;
                                cap: {
                                    /** @enum {string} */
                                    period: "day" | "month" | "year";
                                    max: number;
                                } | null;
                            };
                        };
                        expiryDays?: number;
                        holdDays?: number;
                        /** @description Place path from the province down, ids joined by "/" */
                        scope: string;
                        updatedAt: string;
                        updatedBy: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    creditPoints: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    person: string;
                    /**
                     * @default volunteering
                     * @enum {string}
                     */
                    activity?: "volunteering";
                    reference: string;
                    /** Format: date */
                    occurredOn?: string;
                    note: string;
                };
            };
        };
        responses: {
            /** @description Nothing credited (capped, or the activity earns no points): the outcome and the points asked for */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        outcome: "credited" | "capped" | "no-points";
                        requested: number;
                        entry?: {
                            entryId: string;
                            seq: number;
                            /** Format: date-time */
                            at: string;
                            person: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            household?: string;
                            /** @enum {string} */
                            kind: "credit" | "debit" | "reversal" | "expiry" | "hold" | "release" | "spend";
                            points: number;
                            balanceChange: number;
                            heldChange: number;
                            debtChange: number;
                            balanceAfter: number;
                            heldAfter: number;
                            debtAfter: number;
                            lots: {
                                lot: string;
                                expiresAt: string;
                                points: number;
                            }[];
                            /** @enum {string} */
                            activity?: "ballot-cast" | "need-adopted" | "candidate-supported" | "discussion-attended" | "labour-hour" | "contribution-in-kind" | "space-adopted" | "upkeep-logged" | "review-submitted" | "award-granted" | "volunteering";
                            requested?: number;
                            capKey?: string;
                            source?: string;
                            reason?: string;
                            note?: string;
                            reverses?: string;
                            redemptionId?: string;
                            periods?: string[];
                            standing?: {
                                earned: number;
                                deducted: number;
                            };
                            actor: string;
                        };
                    };
                };
            };
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        outcome: "credited" | "capped" | "no-points";
                        requested: number;
                        entry?: {
                            entryId: string;
                            seq: number;
                            /** Format: date-time */
                            at: string;
                            person: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            household?: string;
                            /** @enum {string} */
                            kind: "credit" | "debit" | "reversal" | "expiry" | "hold" | "release" | "spend";
                            points: number;
                            balanceChange: number;
                            heldChange: number;
                            debtChange: number;
                            balanceAfter: number;
                            heldAfter: number;
                            debtAfter: number;
                            lots: {
                                lot: string;
                                expiresAt: string;
                                points: number;
                            }[];
                            /** @enum {string} */
                            activity?: "ballot-cast" | "need-adopted" | "candidate-supported" | "discussion-attended" | "labour-hour" | "contribution-in-kind" | "space-adopted" | "upkeep-logged" | "review-submitted" | "award-granted" | "volunteering";
                            requested?: number;
                            capKey?: string;
                            source?: string;
                            reason?: string;
                            note?: string;
                            reverses?: string;
                            redemptionId?: string;
                            periods?: string[];
                            standing?: {
                                earned: number;
                                deducted: number;
                            };
                            actor: string;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    reversePoints: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    entryId: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entryId: string;
                        seq: number;
                        /** Format: date-time */
                        at: string;
                        person: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        household?: string;
                        /** @enum {string} */
                        kind: "credit" | "debit" | "reversal" | "expiry" | "hold" | "release" | "spend";
                        points: number;
                        balanceChange: number;
                        heldChange: number;
                        debtChange: number;
                        balanceAfter: number;
                        heldAfter: number;
                        debtAfter: number;
                        lots: {
                            lot: string;
                            expiresAt: string;
                            points: number;
                        }[];
                        /** @enum {string} */
                        activity?: "ballot-cast" | "need-adopted" | "candidate-supported" | "discussion-attended" | "labour-hour" | "contribution-in-kind" | "space-adopted" | "upkeep-logged" | "review-submitted" | "award-granted" | "volunteering";
                        requested?: number;
                        capKey?: string;
                        source?: string;
                        reason?: string;
                        note?: string;
                        reverses?: string;
                        redemptionId?: string;
                        periods?: string[];
                        standing?: {
                            earned: number;
                            deducted: number;
                        };
                        actor: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getPointsStatement: {
        parameters: {
            query?: {
                period?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                person: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        person: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        household?: string;
                        balance: number;
                        held: number;
                        debt: number;
                        lots: {
                            lot: string;
                            expiresAt: string;
                            remaining: number;
                        }[];
                        period?: string;
                        opening?: {
                            balance: number;
                            held: number;
                            debt: number;
                        };
                        closing?: {
                            balance: number;
                            held: number;
                            debt: number;
                        };
                        entries: {
                            entryId: string;
                            seq: number;
                            /** Format: date-time */
                            at: string;
                            person: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            household?: string;
                            /** @enum {string} */
                            kind: "credit" | "debit" | "reversal" | "expiry" | "hold" | "release" | "spend";
                            points: number;
                            balanceChange: number;
                            heldChange: number;
                            debtChange: number;
                            balanceAfter: number;
                            heldAfter: number;
                            debtAfter: number;
                            lots: {
                                lot: string;
                                expiresAt: string;
                                points: number;
                            }[];
                            /** @enum {string} */
                            activity?: "ballot-cast" | "need-adopted" | "candidate-supported" | "discussion-attended" | "labour-hour" | "contribution-in-kind" | "space-adopted" | "upkeep-logged" | "review-submitted" | "award-granted" | "volunteering";
                            requested?: number;
                            capKey?: string;
                            source?: string;
                            reason?: string;
                            note?: string;
                            reverses?: string;
                            redemptionId?: string;
                            periods?: string[];
                            standing?: {
                                earned: number;
                                deducted: number;
                            };
                            actor: string;
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getHouseholdPoints: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                household: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        household: string;
                        head: string;
                        members: {
                            person: string;
                            name: string;
                            balance: number;
                            held: number;
                            debt: number;
                        }[];
                        total: {
                            balance: number;
                            held: number;
                            debt: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getLeaderboard: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
                period: string;
                by?: "person" | "household";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        period: string;
                        /** @enum {string} */
                        by: "person" | "household";
                        rows: {
                            rank: number;
                            key: string;
                            name: string;
                            score: number;
                            earned: number;
                            deducted: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getSourceFact: {
        parameters: {
            query: {
                source: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        source: string;
                        outcome: string;
                        person?: string;
                        entryId?: string;
                        points?: number;
                        at: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listCatalogueItem: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The village/community or township whose residents may redeem the item */
                    place: string;
                    name: string;
                    description?: string;
                    /** @description Points per unit */
                    price: number;
                    stock: number;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        itemId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        /** @enum {string} */
                        placeKind: "village" | "township";
                        merchant: string;
                        name: string;
                        description?: string;
                        price: number;
                        stock: number;
                        held: number;
                        sold: number;
                        active: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getCatalogueItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                itemId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        itemId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        /** @enum {string} */
                        placeKind: "village" | "township";
                        merchant: string;
                        name: string;
                        description?: string;
                        price: number;
                        stock: number;
                        held: number;
                        sold: number;
                        active: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    changeCatalogueItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string;
                    price?: number;
                    active?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        itemId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        /** @enum {string} */
                        placeKind: "village" | "township";
                        merchant: string;
                        name: string;
                        description?: string;
                        price: number;
                        stock: number;
                        held: number;
                        sold: number;
                        active: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    restockCatalogueItem: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    quantity: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        itemId: string;
                        added: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getCatalogue: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        items: {
                            itemId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            place: string;
                            /** @enum {string} */
                            placeKind: "village" | "township";
                            merchant: string;
                            name: string;
                            description?: string;
                            price: number;
                            stock: number;
                            held: number;
                            sold: number;
                            active: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listRedemptions: {
        parameters: {
            query: {
                person: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            redemptionId: string;
                            itemId: string;
                            itemName: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            place: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            person: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            household?: string;
                            merchant: string;
                            quantity: number;
                            unitPrice: number;
                            points: number;
                            /** @enum {string} */
                            status: "reserved" | "fulfilled" | "cancelled";
                            /** Format: date-time */
                            reservedAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            lots: {
                                lot: string;
                                expiresAt: string;
                                points: number;
                            }[];
                            /** Format: date-time */
                            fulfilledAt?: string;
                            fulfilledBy?: string;
                            /** Format: date-time */
                            cancelledAt?: string;
                            cancelledBy?: string;
                            /** @enum {string} */
                            cancelReason?: "cancelled-by-resident" | "cancelled-by-merchant" | "expired";
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    reserveRedemption: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    itemId: string;
                    /** @default 1 */
                    quantity?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        redemptionId: string;
                        itemId: string;
                        itemName: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        person: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        household?: string;
                        merchant: string;
                        quantity: number;
                        unitPrice: number;
                        points: number;
                        /** @enum {string} */
                        status: "reserved" | "fulfilled" | "cancelled";
                        /** Format: date-time */
                        reservedAt: string;
                        /** Format: date-time */
                        expiresAt: string;
                        lots: {
                            lot: string;
                            expiresAt: string;
                            points: number;
                        }[];
                        /** Format: date-time */
                        fulfilledAt?: string;
                        fulfilledBy?: string;
                        /** Format: date-time */
                        cancelledAt?: string;
                        cancelledBy?: string;
                        /** @enum {string} */
                        cancelReason?: "cancelled-by-resident" | "cancelled-by-merchant" | "expired";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    fulfilRedemption: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                redemptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        redemptionId: string;
                        itemId: string;
                        itemName: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        person: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        household?: string;
                        merchant: string;
                        quantity: number;
                        unitPrice: number;
                        points: number;
                        /** @enum {string} */
                        status: "reserved" | "fulfilled" | "cancelled";
                        /** Format: date-time */
                        reservedAt: string;
                        /** Format: date-time */
                        expiresAt: string;
                        lots: {
                            lot: string;
                            expiresAt: string;
                            points: number;
                        }[];
                        /** Format: date-time */
                        fulfilledAt?: string;
                        fulfilledBy?: string;
                        /** Format: date-time */
                        cancelledAt?: string;
                        cancelledBy?: string;
                        /** @enum {string} */
                        cancelReason?: "cancelled-by-resident" | "cancelled-by-merchant" | "expired";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    cancelRedemption: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                redemptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        redemptionId: string;
                        itemId: string;
                        itemName: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        person: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        household?: string;
                        merchant: string;
                        quantity: number;
                        unitPrice: number;
                        points: number;
                        /** @enum {string} */
                        status: "reserved" | "fulfilled" | "cancelled";
                        /** Format: date-time */
                        reservedAt: string;
                        /** Format: date-time */
                        expiresAt: string;
                        lots: {
                            lot: string;
                            expiresAt: string;
                            points: number;
                        }[];
                        /** Format: date-time */
                        fulfilledAt?: string;
                        fulfilledBy?: string;
                        /** Format: date-time */
                        cancelledAt?: string;
                        cancelledBy?: string;
                        /** @enum {string} */
                        cancelReason?: "cancelled-by-resident" | "cancelled-by-merchant" | "expired";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getRedemption: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                redemptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        redemptionId: string;
                        itemId: string;
                        itemName: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        person: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        household?: string;
                        merchant: string;
                        quantity: number;
                        unitPrice: number;
                        points: number;
                        /** @enum {string} */
                        status: "reserved" | "fulfilled" | "cancelled";
                        /** Format: date-time */
                        reservedAt: string;
                        /** Format: date-time */
                        expiresAt: string;
                        lots: {
                            lot: string;
                            expiresAt: string;
                            points: number;
                        }[];
                        /** Format: date-time */
                        fulfilledAt?: string;
                        fulfilledBy?: string;
                        /** Format: date-time */
                        cancelledAt?: string;
                        cancelledBy?: string;
                        /** @enum {string} */
                        cancelReason?: "cancelled-by-resident" | "cancelled-by-merchant" | "expired";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listShopOrders: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                place: string;
                status?: "reserved" | "fulfilled" | "cancelled";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            redemptionId: string;
                            itemId: string;
                            itemName: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            place: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            person: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            household?: string;
                            merchant: string;
                            quantity: number;
                            unitPrice: number;
                            points: number;
                            /** @enum {string} */
                            status: "reserved" | "fulfilled" | "cancelled";
                            /** Format: date-time */
                            reservedAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            lots: {
                                lot: string;
                                expiresAt: string;
                                points: number;
                            }[];
                            /** Format: date-time */
                            fulfilledAt?: string;
                            fulfilledBy?: string;
                            /** Format: date-time */
                            cancelledAt?: string;
                            cancelledBy?: string;
                            /** @enum {string} */
                            cancelReason?: "cancelled-by-resident" | "cancelled-by-merchant" | "expired";
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listAwardRounds: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                place: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Place path from the province down, ids joined by "/" */
                            scope: string;
                            title: string;
                            budget: number;
                            /** @enum {string} */
                            applicantKind: "village" | "household";
                            kpiYear: number;
                            /** Format: date-time */
                            deadline: string;
                            weights: {
                                deliberationDepth: number;
                                buildResults: number;
                                managementMechanism: number;
                                evaluationResponse: number;
                            };
                            rule: {
                                /** @constant */
                                method: "proportional-above-threshold";
                                threshold: number;
                                capPerApplicant?: number;
                            };
                            eligible?: string[];
                            restriction?: {
                                categories?: ("roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other")[];
                            };
                            roundId: string;
                            /** @enum {string} */
                            status: "open" | "published";
                            openedBy: string;
                            /** Format: date-time */
                            openedAt: string;
                            applications: number;
                            /** Format: date-time */
                            publishedAt?: string;
                            publishedBy?: string;
                            payout?: {
                                due: number;
                                paid: number;
                            };
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    openAwardRound: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    scope: string;
                    title: string;
                    budget: number;
                    /** @enum {string} */
                    applicantKind: "village" | "household";
                    kpiYear: number;
                    /** Format: date-time */
                    deadline: string;
                    weights: {
                        deliberationDepth: number;
                        buildResults: number;
                        managementMechanism: number;
                        evaluationResponse: number;
                    };
                    rule: {
                        /** @constant */
                        method: "proportional-above-threshold";
                        threshold: number;
                        capPerApplicant?: number;
                    };
                    eligible?: string[];
                    restriction?: {
                        categories?: ("roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other")[];
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        scope: string;
                        title: string;
                        budget: number;
                        /** @enum {string} */
                        applicantKind: "village" | "household";
                        kpiYear: number;
                        /** Format: date-time */
                        deadline: string;
                        weights: {
                            deliberationDepth: number;
                            buildResults: number;
                            managementMechanism: number;
                            evaluationResponse: number;
                        };
                        rule: {
                            /** @constant */
                            method: "proportional-above-threshold";
                            threshold: number;
                            capPerApplicant?: number;
                        };
                        eligible?: string[];
                        restriction?: {
                            categories?: ("roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other")[];
                        };
                        roundId: string;
                        /** @enum {string} */
                        status: "open" | "published";
                        openedBy: string;
                        /** Format: date-time */
                        openedAt: string;
                        applications: number;
                        /** Format: date-time */
                        publishedAt?: string;
                        publishedBy?: string;
                        payout?: {
                            due: number;
                            paid: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getAwardRound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        scope: string;
                        title: string;
                        budget: number;
                        /** @enum {string} */
                        applicantKind: "village" | "household";
                        kpiYear: number;
                        /** Format: date-time */
                        deadline: string;
                        weights: {
                            deliberationDepth: number;
                            buildResults: number;
                            managementMechanism: number;
                            evaluationResponse: number;
                        };
                        rule: {
                            /** @constant */
                            method: "proportional-above-threshold";
                            threshold: number;
                            capPerApplicant?: number;
                        };
                        eligible?: string[];
                        restriction?: {
                            categories?: ("roads" | "water" | "sanitation" | "toilets" | "greening" | "lighting" | "housing" | "parking" | "public-space" | "fire-safety" | "elderly-care" | "childcare" | "culture" | "fitness" | "industry" | "other")[];
                        };
                        roundId: string;
                        /** @enum {string} */
                        status: "open" | "published";
                        openedBy: string;
                        /** Format: date-time */
                        openedAt: string;
                        applications: number;
                        /** Format: date-time */
                        publishedAt?: string;
                        publishedBy?: string;
                        payout?: {
                            due: number;
                            paid: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listAwardApplications: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            roundId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            applicant: string;
                            /** @enum {string} */
                            applicantKind: "village" | "household";
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            statement: string;
                            appliedBy: string;
                            /** Format: date-time */
                            appliedAt: string;
                            /** @enum {string} */
                            status: "submitted" | "excluded";
                            figures?: {
                                deliberationDepth: number;
                                buildResults: number;
                                managementMechanism: number;
                                evaluationResponse: number;
                            };
                            figuresBy?: string;
                            excludedReason?: string;
                            excludedBy?: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    applyToAwardRound: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    applicant: string;
                    statement: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        roundId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        applicant: string;
                        /** @enum {string} */
                        applicantKind: "village" | "household";
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        statement: string;
                        appliedBy: string;
                        /** Format: date-time */
                        appliedAt: string;
                        /** @enum {string} */
                        status: "submitted" | "excluded";
                        figures?: {
                            deliberationDepth: number;
                            buildResults: number;
                            managementMechanism: number;
                            evaluationResponse: number;
                        };
                        figuresBy?: string;
                        excludedReason?: string;
                        excludedBy?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    enterAwardFigures: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    applicant: string;
                    kpis: {
                        deliberationDepth: number;
                        buildResults: number;
                        managementMechanism: number;
                        evaluationResponse: number;
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        roundId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        applicant: string;
                        /** @enum {string} */
                        applicantKind: "village" | "household";
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        statement: string;
                        appliedBy: string;
                        /** Format: date-time */
                        appliedAt: string;
                        /** @enum {string} */
                        status: "submitted" | "excluded";
                        figures?: {
                            deliberationDepth: number;
                            buildResults: number;
                            managementMechanism: number;
                            evaluationResponse: number;
                        };
                        figuresBy?: string;
                        excludedReason?: string;
                        excludedBy?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    excludeAwardApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    applicant: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        roundId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        applicant: string;
                        /** @enum {string} */
                        applicantKind: "village" | "household";
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        statement: string;
                        appliedBy: string;
                        /** Format: date-time */
                        appliedAt: string;
                        /** @enum {string} */
                        status: "submitted" | "excluded";
                        figures?: {
                            deliberationDepth: number;
                            buildResults: number;
                            managementMechanism: number;
                            evaluationResponse: number;
                        };
                        figuresBy?: string;
                        excludedReason?: string;
                        excludedBy?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    publishAwardResults: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        roundId: string;
                        inputs: {
                            budget: number;
                            weights: {
                                deliberationDepth: number;
                                buildResults: number;
                                managementMechanism: number;
                                evaluationResponse: number;
                            };
                            rule: {
                                /** @constant */
                                method: "proportional-above-threshold";
                                threshold: number;
                                capPerApplicant?: number;
                            };
                            applicants: {
                                /** @description Place path from the province down, ids joined by "/" */
                                applicant: string;
                                kpis: {
                                    deliberationDepth: number;
                                    buildResults: number;
                                    managementMechanism: number;
                                    evaluationResponse: number;
                                };
                            }[];
                        };
                        inputsHash: string;
                        kpiSources: {
                            [key: string]: string;
                        };
                        excluded: {
                            /** @description Place path from the province down, ids joined by "/" */
                            applicant: string;
                            reason: string;
                        }[];
                        lines: {
                            /** @description Place path from the province down, ids joined by "/" */
                            applicant: string;
                            kpis: {
                                deliberationDepth: number;
                                buildResults: number;
                                managementMechanism: number;
                                evaluationResponse: number;
                            };
                            score: number;
                            rank: number;
                            eligible: boolean;
                            capped: boolean;
                            amount: number;
                            awardId?: string;
                            /** @enum {string} */
                            applicantKind: "village" | "household";
                            publicName?: string;
                        }[];
                        allocated: number;
                        unallocated: number;
                        /** Format: date-time */
                        publishedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getAwardResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        roundId: string;
                        inputs: {
                            budget: number;
                            weights: {
                                deliberationDepth: number;
                                buildResults: number;
                                managementMechanism: number;
                                evaluationResponse: number;
                            };
                            rule: {
                                /** @constant */
                                method: "proportional-above-threshold";
                                threshold: number;
                                capPerApplicant?: number;
                            };
                            applicants: {
                                /** @description Place path from the province down, ids joined by "/" */
                                applicant: string;
                                kpis: {
                                    deliberationDepth: number;
                                    buildResults: number;
                                    managementMechanism: number;
                                    evaluationResponse: number;
                                };
                            }[];
                        };
                        inputsHash: string;
                        kpiSources: {
                            [key: string]: string;
                        };
                        excluded: {
                            /** @description Place path from the province down, ids joined by "/" */
                            applicant: string;
                            reason: string;
                        }[];
                        lines: {
                            /** @description Place path from the province down, ids joined by "/" */
                            applicant: string;
                            kpis: {
                                deliberationDepth: number;
                                buildResults: number;
                                managementMechanism: number;
                                evaluationResponse: number;
                            };
                            score: number;
                            rank: number;
                            eligible: boolean;
                            capped: boolean;
                            amount: number;
                            awardId?: string;
                            /** @enum {string} */
                            applicantKind: "village" | "household";
                            publicName?: string;
                        }[];
                        allocated: number;
                        unallocated: number;
                        /** Format: date-time */
                        publishedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getVillageKpis: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            year: number;
                            kpis: {
                                deliberationDepth: number;
                                buildResults: number;
                                managementMechanism: number;
                                evaluationResponse: number;
                            };
                            assessmentId: string;
                            /** Format: date-time */
                            assessedAt: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getCooperativeShares: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        holdings: {
                            /** @description Place path from the province down, ids joined by "/" */
                            household: string;
                            shares: number;
                        }[];
                        updatedAt: string;
                        updatedBy: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    putCooperativeShares: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    village: string;
                    holdings: {
                        /** @description Place path from the province down, ids joined by "/" */
                        household: string;
                        shares: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        holdings: {
                            /** @description Place path from the province down, ids joined by "/" */
                            household: string;
                            shares: number;
                        }[];
                        updatedAt: string;
                        updatedBy: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listDividends: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
                /** @description Place path from the province down, ids joined by "/" */
                household?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            distributionId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            title: string;
                            amount: number;
                            totalShares: number;
                            registerVersion: number;
                            lines: {
                                /** @description Place path from the province down, ids joined by "/" */
                                household: string;
                                shares: number;
                                amount: number;
                            }[];
                            distributedAt: string;
                            distributedBy: string;
                            decisionRef?: string;
                        }[];
                        householdTotal?: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    distributeDividend: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    village: string;
                    title: string;
                    /** @description Distributable profit in fen */
                    amount: number;
                    decisionRef?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        distributionId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        title: string;
                        amount: number;
                        totalShares: number;
                        registerVersion: number;
                        lines: {
                            /** @description Place path from the province down, ids joined by "/" */
                            household: string;
                            shares: number;
                            amount: number;
                        }[];
                        distributedAt: string;
                        distributedBy: string;
                        decisionRef?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listAgencies: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                scope: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Chosen by operations, e.g. `hongan-housing` */
                            agencyId: string;
                            name: {
                                zh: string;
                                en: string;
                            };
                            /** @description The place subtree the agency receives events from; inside the registering admin’s own */
                            jurisdiction: string;
                            contact: {
                                name: string;
                                /** Format: email */
                                email?: string;
                                phone?: string;
                            };
                            /** @description Token subjects of the agency’s users (they hold role `agency`) */
                            members: string[];
                            registeredBy: string;
                            /** Format: date-time */
                            registeredAt: string;
                            version: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    registerAgency: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Chosen by operations, e.g. `hongan-housing` */
                    agencyId: string;
                    name: {
                        zh: string;
                        en: string;
                    };
                    /** @description The place subtree the agency receives events from; inside the registering admin’s own */
                    jurisdiction: string;
                    contact: {
                        name: string;
                        /** Format: email */
                        email?: string;
                        phone?: string;
                    };
                    /** @description Token subjects of the agency’s users (they hold role `agency`) */
                    members: string[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Chosen by operations, e.g. `hongan-housing` */
                        agencyId: string;
                        name: {
                            zh: string;
                            en: string;
                        };
                        /** @description The place subtree the agency receives events from; inside the registering admin’s own */
                        jurisdiction: string;
                        contact: {
                            name: string;
                            /** Format: email */
                            email?: string;
                            phone?: string;
                        };
                        /** @description Token subjects of the agency’s users (they hold role `agency`) */
                        members: string[];
                        registeredBy: string;
                        /** Format: date-time */
                        registeredAt: string;
                        version: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getAgency: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Chosen by operations, e.g. `hongan-housing` */
                agencyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Chosen by operations, e.g. `hongan-housing` */
                        agencyId: string;
                        name: {
                            zh: string;
                            en: string;
                        };
                        /** @description The place subtree the agency receives events from; inside the registering admin’s own */
                        jurisdiction: string;
                        contact: {
                            name: string;
                            /** Format: email */
                            email?: string;
                            phone?: string;
                        };
                        /** @description Token subjects of the agency’s users (they hold role `agency`) */
                        members: string[];
                        registeredBy: string;
                        /** Format: date-time */
                        registeredAt: string;
                        version: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    addAgencyMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Chosen by operations, e.g. `hongan-housing` */
                agencyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    members: string[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Chosen by operations, e.g. `hongan-housing` */
                        agencyId: string;
                        name: {
                            zh: string;
                            en: string;
                        };
                        /** @description The place subtree the agency receives events from; inside the registering admin’s own */
                        jurisdiction: string;
                        contact: {
                            name: string;
                            /** Format: email */
                            email?: string;
                            phone?: string;
                        };
                        /** @description Token subjects of the agency’s users (they hold role `agency`) */
                        members: string[];
                        registeredBy: string;
                        /** Format: date-time */
                        registeredAt: string;
                        version: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    myAgency: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Chosen by operations, e.g. `hongan-housing` */
                        agencyId: string;
                        name: {
                            zh: string;
                            en: string;
                        };
                        /** @description The place subtree the agency receives events from; inside the registering admin’s own */
                        jurisdiction: string;
                        contact: {
                            name: string;
                            /** Format: email */
                            email?: string;
                            phone?: string;
                        };
                        /** @description Token subjects of the agency’s users (they hold role `agency`) */
                        members: string[];
                        registeredBy: string;
                        /** Format: date-time */
                        registeredAt: string;
                        version: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listSubscriptions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Chosen by operations, e.g. `hongan-housing` */
                agencyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            subscriptionId: string;
                            /** @description Chosen by operations, e.g. `hongan-housing` */
                            agencyId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            jurisdiction: string;
                            name: string;
                            pattern: unknown;
                            delivery: {
                                /** @constant */
                                mode: "webhook";
                                url: string;
                            } | {
                                /** @constant */
                                mode: "pull";
                            };
                            /** @enum {string} */
                            status: "active" | "paused";
                            pause?: {
                                /** @enum {string} */
                                reason: "consecutive-dead-letters" | "endpoint-gone";
                                detail: {
                                    zh: string;
                                    en: string;
                                };
                                /** Format: date-time */
                                pausedAt: string;
                                lastError?: string;
                            };
                            consecutiveDeadLetters: number;
                            schemaBaseUrl: string;
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** Format: date-time */
                            lastDeliveredAt?: string;
                            /** Format: date-time */
                            lastFailureAt?: string;
                            lastError?: string;
                            version: number;
                            secrets: {
                                secretId: string;
                                hint: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                expiresAt?: string;
                            }[];
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    createSubscription: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Chosen by operations, e.g. `hongan-housing` */
                agencyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @description EventBridge event pattern, matched against `{version,id,detail-type,source,time,resources,detail}` */
                    pattern: {
                        [key: string]: unknown;
                    } | string;
                    delivery: {
                        /** @constant */
                        mode: "webhook";
                        url: string;
                    } | {
                        /** @constant */
                        mode: "pull";
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        subscription: {
                            subscriptionId: string;
                            /** @description Chosen by operations, e.g. `hongan-housing` */
                            agencyId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            jurisdiction: string;
                            name: string;
                            pattern: unknown;
                            delivery: {
                                /** @constant */
                                mode: "webhook";
                                url: string;
                            } | {
                                /** @constant */
                                mode: "pull";
                            };
                            /** @enum {string} */
                            status: "active" | "paused";
                            pause?: {
                                /** @enum {string} */
                                reason: "consecutive-dead-letters" | "endpoint-gone";
                                detail: {
                                    zh: string;
                                    en: string;
                                };
                                /** Format: date-time */
                                pausedAt: string;
                                lastError?: string;
                            };
                            consecutiveDeadLetters: number;
                            schemaBaseUrl: string;
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** Format: date-time */
                            lastDeliveredAt?: string;
                            /** Format: date-time */
                            lastFailureAt?: string;
                            lastError?: string;
                            version: number;
                            secrets: {
                                secretId: string;
                                hint: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                expiresAt?: string;
                            }[];
                        };
                        secret?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Chosen by operations, e.g. `hongan-housing` */
                agencyId: string;
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        subscriptionId: string;
                        /** @description Chosen by operations, e.g. `hongan-housing` */
                        agencyId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        jurisdiction: string;
                        name: string;
                        pattern: unknown;
                        delivery: {
                            /** @constant */
                            mode: "webhook";
                            url: string;
                        } | {
                            /** @constant */
                            mode: "pull";
                        };
                        /** @enum {string} */
                        status: "active" | "paused";
                        pause?: {
                            /** @enum {string} */
                            reason: "consecutive-dead-letters" | "endpoint-gone";
                            detail: {
                                zh: string;
                                en: string;
                            };
                            /** Format: date-time */
                            pausedAt: string;
                            lastError?: string;
                        };
                        consecutiveDeadLetters: number;
                        schemaBaseUrl: string;
                        createdBy: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** Format: date-time */
                        lastDeliveredAt?: string;
                        /** Format: date-time */
                        lastFailureAt?: string;
                        lastError?: string;
                        version: number;
                        secrets: {
                            secretId: string;
                            hint: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt?: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    deleteSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Chosen by operations, e.g. `hongan-housing` */
                agencyId: string;
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    updateSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Chosen by operations, e.g. `hongan-housing` */
                agencyId: string;
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    pattern?: {
                        [key: string]: unknown;
                    } | string;
                    url?: string;
                    expectedVersion: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        subscriptionId: string;
                        /** @description Chosen by operations, e.g. `hongan-housing` */
                        agencyId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        jurisdiction: string;
                        name: string;
                        pattern: unknown;
                        delivery: {
                            /** @constant */
                            mode: "webhook";
                            url: string;
                        } | {
                            /** @constant */
                            mode: "pull";
                        };
                        /** @enum {string} */
                        status: "active" | "paused";
                        pause?: {
                            /** @enum {string} */
                            reason: "consecutive-dead-letters" | "endpoint-gone";
                            detail: {
                                zh: string;
                                en: string;
                            };
                            /** Format: date-time */
                            pausedAt: string;
                            lastError?: string;
                        };
                        consecutiveDeadLetters: number;
                        schemaBaseUrl: string;
                        createdBy: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** Format: date-time */
                        lastDeliveredAt?: string;
                        /** Format: date-time */
                        lastFailureAt?: string;
                        lastError?: string;
                        version: number;
                        secrets: {
                            secretId: string;
                            hint: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt?: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    rotateSubscriptionSecret: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Chosen by operations, e.g. `hongan-housing` */
                agencyId: string;
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default 86400 */
                    overlapSeconds?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The new signing secret, shown this once */
                        secret: string;
                        secretId: string;
                        /** Format: date-time */
                        overlapUntil: string;
                        subscription: {
                            subscriptionId: string;
                            /** @description Chosen by operations, e.g. `hongan-housing` */
                            agencyId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            jurisdiction: string;
                            name: string;
                            pattern: unknown;
                            delivery: {
                                /** @constant */
                                mode: "webhook";
                                url: string;
                            } | {
                                /** @constant */
                                mode: "pull";
                            };
                            /** @enum {string} */
                            status: "active" | "paused";
                            pause?: {
                                /** @enum {string} */
                                reason: "consecutive-dead-letters" | "endpoint-gone";
                                detail: {
                                    zh: string;
                                    en: string;
                                };
                                /** Format: date-time */
                                pausedAt: string;
                                lastError?: string;
                            };
                            consecutiveDeadLetters: number;
                            schemaBaseUrl: string;
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** Format: date-time */
                            lastDeliveredAt?: string;
                            /** Format: date-time */
                            lastFailureAt?: string;
                            lastError?: string;
                            version: number;
                            secrets: {
                                secretId: string;
                                hint: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                expiresAt?: string;
                            }[];
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    resumeSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Chosen by operations, e.g. `hongan-housing` */
                agencyId: string;
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default false */
                    replayMissed?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        subscription: {
                            subscriptionId: string;
                            /** @description Chosen by operations, e.g. `hongan-housing` */
                            agencyId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            jurisdiction: string;
                            name: string;
                            pattern: unknown;
                            delivery: {
                                /** @constant */
                                mode: "webhook";
                                url: string;
                            } | {
                                /** @constant */
                                mode: "pull";
                            };
                            /** @enum {string} */
                            status: "active" | "paused";
                            pause?: {
                                /** @enum {string} */
                                reason: "consecutive-dead-letters" | "endpoint-gone";
                                detail: {
                                    zh: string;
                                    en: string;
                                };
                                /** Format: date-time */
                                pausedAt: string;
                                lastError?: string;
                            };
                            consecutiveDeadLetters: number;
                            schemaBaseUrl: string;
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** Format: date-time */
                            lastDeliveredAt?: string;
                            /** Format: date-time */
                            lastFailureAt?: string;
                            lastError?: string;
                            version: number;
                            secrets: {
                                secretId: string;
                                hint: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                expiresAt?: string;
                            }[];
                        };
                        replayId?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Chosen by operations, e.g. `hongan-housing` */
                agencyId: string;
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            deliveryId: string;
                            subscriptionId: string;
                            agencyId: string;
                            eventId: string;
                            eventType: string;
                            eventVersion: number;
                            /** @description Place path from the province down, ids joined by "/" */
                            place: string;
                            /** Format: date-time */
                            occurredAt: string;
                            log?: {
                                root: string;
                                seq: number;
                            };
                            detail?: string;
                            replayId?: string;
                            /** @enum {string} */
                            status: "pending" | "delivered" | "dead";
                            attempts: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            firstAttemptAt?: string;
                            /** Format: date-time */
                            lastAttemptAt?: string;
                            /** Format: date-time */
                            nextAttemptAt?: string;
                            /** Format: date-time */
                            deliveredAt?: string;
                            /** Format: date-time */
                            deadAt?: string;
                            /** @enum {string} */
                            deadReason?: "retries-exhausted" | "endpoint-gone" | "subscription-paused";
                            lastError?: string;
                            redrives: number;
                            history: {
                                /** Format: date-time */
                                at: string;
                                ok: boolean;
                                status?: number;
                                error?: string;
                                ms: number;
                            }[];
                            version: number;
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listDeadLetters: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Chosen by operations, e.g. `hongan-housing` */
                agencyId: string;
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            deliveryId: string;
                            subscriptionId: string;
                            agencyId: string;
                            eventId: string;
                            eventType: string;
                            eventVersion: number;
                            /** @description Place path from the province down, ids joined by "/" */
                            place: string;
                            /** Format: date-time */
                            occurredAt: string;
                            log?: {
                                root: string;
                                seq: number;
                            };
                            detail?: string;
                            replayId?: string;
                            /** @enum {string} */
                            status: "pending" | "delivered" | "dead";
                            attempts: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            firstAttemptAt?: string;
                            /** Format: date-time */
                            lastAttemptAt?: string;
                            /** Format: date-time */
                            nextAttemptAt?: string;
                            /** Format: date-time */
                            deliveredAt?: string;
                            /** Format: date-time */
                            deadAt?: string;
                            /** @enum {string} */
                            deadReason?: "retries-exhausted" | "endpoint-gone" | "subscription-paused";
                            lastError?: string;
                            redrives: number;
                            history: {
                                /** Format: date-time */
                                at: string;
                                ok: boolean;
                                status?: number;
                                error?: string;
                                ms: number;
                            }[];
                            version: number;
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    redriveDeadLetters: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Chosen by operations, e.g. `hongan-housing` */
                agencyId: string;
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    deliveryIds?: string[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        redriven: string[];
                        notDead: string[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    requestReplay: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Chosen by operations, e.g. `hongan-housing` */
                agencyId: string;
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    from: string;
                    /** Format: date-time */
                    to: string;
                };
            };
        };
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        replay: {
                            replayId: string;
                            subscriptionId: string;
                            agencyId: string;
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                            /** @enum {string} */
                            status: "pending" | "replaying" | "completed" | "failed";
                            /**
                             * @default log
                             * @enum {string}
                             */
                            source: "log" | "archive";
                            failure?: string;
                            requestedBy: string;
                            /** Format: date-time */
                            requestedAt: string;
                            roots: string[];
                            rootIndex: number;
                            pageCursor?: string;
                            scanned: number;
                            queued: number;
                            /** Format: date-time */
                            completedAt?: string;
                            version: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getReplay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Chosen by operations, e.g. `hongan-housing` */
                agencyId: string;
                subscriptionId: string;
                replayId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        replayId: string;
                        subscriptionId: string;
                        agencyId: string;
                        /** Format: date-time */
                        from: string;
                        /** Format: date-time */
                        to: string;
                        /** @enum {string} */
                        status: "pending" | "replaying" | "completed" | "failed";
                        /**
                         * @default log
                         * @enum {string}
                         */
                        source: "log" | "archive";
                        failure?: string;
                        requestedBy: string;
                        /** Format: date-time */
                        requestedAt: string;
                        roots: string[];
                        rootIndex: number;
                        pageCursor?: string;
                        scanned: number;
                        queued: number;
                        /** Format: date-time */
                        completedAt?: string;
                        version: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    pullEvents: {
        parameters: {
            query?: {
                /** @description The `next` cursor of the previous page; absent: from the oldest retained event */
                after?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @constant */
                            specversion: "1.0";
                            /** @description The event id (ULID): the same on every retry, redrive and replay — de-duplicate on it */
                            id: string;
                            /** @description The producing service, `cocreate.<service>` */
                            source: string;
                            /** @description The event type (EventBridge detail-type), a past-tense fact */
                            type: string;
                            /** @description The place path the fact belongs to */
                            subject: string;
                            /** @description When it happened (meta.occurredAt) */
                            time: string;
                            /** @constant */
                            datacontenttype: "application/json";
                            /** @description URL of the JSON Schema of this event type and version */
                            dataschema: string;
                            data: unknown;
                        }[];
                        /** @description Pass as `after` for the next page (also when this page is empty: poll with it) */
                        next: string;
                        /** @description Whether more events were already waiting when this page was cut */
                        more: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getEventSchema: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getEventCatalog: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getPlace: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                path: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        path: string;
                        /** @enum {string} */
                        kind: "province" | "city" | "county" | "township" | "village" | "community" | "group" | "compound" | "building" | "household";
                        name: {
                            zh: string;
                            en: string;
                        };
                        retired?: {
                            /** Format: date */
                            on: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            mergedInto?: string;
                        };
                        /** @description Revision of this thing in the registry: keep the highest */
                        revision: number;
                        children: {
                            /** @description Place path from the province down, ids joined by "/" */
                            path: string;
                            /** @enum {string} */
                            kind: "province" | "city" | "county" | "township" | "village" | "community" | "group" | "compound" | "building" | "household";
                            name: {
                                zh: string;
                                en: string;
                            };
                            retired?: {
                                /** Format: date */
                                on: string;
                                /** @description Place path from the province down, ids joined by "/" */
                                mergedInto?: string;
                            };
                            /** @description Revision of this thing in the registry: keep the highest */
                            revision: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    registerPlace: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    parent?: string;
                    id: string;
                    /** @enum {string} */
                    kind: "province" | "city" | "county" | "township" | "village" | "community" | "group" | "compound" | "building" | "household";
                    name: {
                        zh: string;
                        en: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        path: string;
                        /** @enum {string} */
                        kind: "province" | "city" | "county" | "township" | "village" | "community" | "group" | "compound" | "building" | "household";
                        name: {
                            zh: string;
                            en: string;
                        };
                        retired?: {
                            /** Format: date */
                            on: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            mergedInto?: string;
                        };
                        /** @description Revision of this thing in the registry: keep the highest */
                        revision: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    renamePlace: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    path: string;
                    name: {
                        zh: string;
                        en: string;
                    };
                    expectedRevision?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        path: string;
                        /** @enum {string} */
                        kind: "province" | "city" | "county" | "township" | "village" | "community" | "group" | "compound" | "building" | "household";
                        name: {
                            zh: string;
                            en: string;
                        };
                        retired?: {
                            /** Format: date */
                            on: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            mergedInto?: string;
                        };
                        /** @description Revision of this thing in the registry: keep the highest */
                        revision: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    retirePlace: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    path: string;
                    /** Format: date */
                    on: string;
                    /** @description Place path from the province down, ids joined by "/" */
                    mergedInto?: string;
                    expectedRevision?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        path: string;
                        /** @enum {string} */
                        kind: "province" | "city" | "county" | "township" | "village" | "community" | "group" | "compound" | "building" | "household";
                        name: {
                            zh: string;
                            en: string;
                        };
                        retired?: {
                            /** Format: date */
                            on: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            mergedInto?: string;
                        };
                        /** @description Revision of this thing in the registry: keep the highest */
                        revision: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getHousehold: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                path: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        path: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        head: string;
                        members: string[];
                        /** @description Revision of this thing in the registry: keep the highest */
                        revision: number;
                        people: {
                            person: string;
                            maskedName: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            household: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            partyMember: boolean;
                            resident: boolean;
                            /** Format: date */
                            votingAgeFrom?: string;
                            left?: {
                                /** Format: date */
                                on: string;
                                /** @enum {string} */
                                reason: "died" | "moved-away";
                            };
                            /** @description Revision of this thing in the registry: keep the highest */
                            revision: number;
                            maskedPhone?: string;
                            maskedIdNumber?: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    registerHousehold: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    parent: string;
                    id: string;
                    name?: {
                        zh: string;
                        en: string;
                    };
                    head: {
                        personId?: string;
                        fullName: string;
                        phone?: string;
                        /** @description 身份证号, 18 characters (GB 11643-1999) */
                        idNumber?: string;
                        /** @enum {string} */
                        sex?: "male" | "female";
                        /** Format: date */
                        bornOn?: string;
                        /** @default true */
                        resident?: boolean;
                        /** @default false */
                        partyMember?: boolean;
                    };
                    /** @default [] */
                    members?: {
                        personId?: string;
                        fullName: string;
                        phone?: string;
                        /** @description 身份证号, 18 characters (GB 11643-1999) */
                        idNumber?: string;
                        /** @enum {string} */
                        sex?: "male" | "female";
                        /** Format: date */
                        bornOn?: string;
                        /** @default true */
                        resident?: boolean;
                        /** @default false */
                        partyMember?: boolean;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        path: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        head: string;
                        members: string[];
                        /** @description Revision of this thing in the registry: keep the highest */
                        revision: number;
                        people: {
                            person: string;
                            maskedName: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            household: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            partyMember: boolean;
                            resident: boolean;
                            /** Format: date */
                            votingAgeFrom?: string;
                            left?: {
                                /** Format: date */
                                on: string;
                                /** @enum {string} */
                                reason: "died" | "moved-away";
                            };
                            /** @description Revision of this thing in the registry: keep the highest */
                            revision: number;
                            maskedPhone?: string;
                            maskedIdNumber?: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    changeHouseholdHead: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    household: string;
                    head: string;
                    expectedRevision?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        path: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        head: string;
                        members: string[];
                        /** @description Revision of this thing in the registry: keep the highest */
                        revision: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listPeople: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
                /** @description Place path from the province down, ids joined by "/" */
                household?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            person: string;
                            maskedName: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            household: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            partyMember: boolean;
                            resident: boolean;
                            /** Format: date */
                            votingAgeFrom?: string;
                            left?: {
                                /** Format: date */
                                on: string;
                                /** @enum {string} */
                                reason: "died" | "moved-away";
                            };
                            /** @description Revision of this thing in the registry: keep the highest */
                            revision: number;
                            maskedPhone?: string;
                            maskedIdNumber?: string;
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    registerPerson: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    personId?: string;
                    fullName: string;
                    phone?: string;
                    /** @description 身份证号, 18 characters (GB 11643-1999) */
                    idNumber?: string;
                    /** @enum {string} */
                    sex?: "male" | "female";
                    /** Format: date */
                    bornOn?: string;
                    /** @default true */
                    resident?: boolean;
                    /** @default false */
                    partyMember?: boolean;
                    /** @description Place path from the province down, ids joined by "/" */
                    household: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        person: string;
                        maskedName: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        household: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        partyMember: boolean;
                        resident: boolean;
                        /** Format: date */
                        votingAgeFrom?: string;
                        left?: {
                            /** Format: date */
                            on: string;
                            /** @enum {string} */
                            reason: "died" | "moved-away";
                        };
                        /** @description Revision of this thing in the registry: keep the highest */
                        revision: number;
                        maskedPhone?: string;
                        maskedIdNumber?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getPerson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                personId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        person: string;
                        maskedName: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        household: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        partyMember: boolean;
                        resident: boolean;
                        /** Format: date */
                        votingAgeFrom?: string;
                        left?: {
                            /** Format: date */
                            on: string;
                            /** @enum {string} */
                            reason: "died" | "moved-away";
                        };
                        /** @description Revision of this thing in the registry: keep the highest */
                        revision: number;
                        maskedPhone?: string;
                        maskedIdNumber?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    changePerson: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                personId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    fullName?: string;
                    phone?: string | null;
                    /** @description 身份证号, 18 characters (GB 11643-1999) */
                    idNumber?: string;
                    /** @enum {string} */
                    sex?: "male" | "female";
                    /** Format: date */
                    bornOn?: string;
                    resident?: boolean;
                    partyMember?: boolean;
                    expectedRevision?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        person: string;
                        maskedName: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        household: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        partyMember: boolean;
                        resident: boolean;
                        /** Format: date */
                        votingAgeFrom?: string;
                        left?: {
                            /** Format: date */
                            on: string;
                            /** @enum {string} */
                            reason: "died" | "moved-away";
                        };
                        /** @description Revision of this thing in the registry: keep the highest */
                        revision: number;
                        maskedPhone?: string;
                        maskedIdNumber?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    movePerson: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                personId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    to: string;
                    /** Format: date */
                    on: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        person: string;
                        maskedName: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        household: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        partyMember: boolean;
                        resident: boolean;
                        /** Format: date */
                        votingAgeFrom?: string;
                        left?: {
                            /** Format: date */
                            on: string;
                            /** @enum {string} */
                            reason: "died" | "moved-away";
                        };
                        /** @description Revision of this thing in the registry: keep the highest */
                        revision: number;
                        maskedPhone?: string;
                        maskedIdNumber?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    personLeaves: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                personId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date */
                    on: string;
                    /** @enum {string} */
                    reason: "died" | "moved-away";
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        person: string;
                        maskedName: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        household: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        partyMember: boolean;
                        resident: boolean;
                        /** Format: date */
                        votingAgeFrom?: string;
                        left?: {
                            /** Format: date */
                            on: string;
                            /** @enum {string} */
                            reason: "died" | "moved-away";
                        };
                        /** @description Revision of this thing in the registry: keep the highest */
                        revision: number;
                        maskedPhone?: string;
                        maskedIdNumber?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    recordOwner: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    property: string;
                    person: string;
                    /** @description 专有部分面积, m² */
                    area: number;
                    /** Format: date */
                    from: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        path: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        owners: {
                            person: string;
                            area: number;
                            /** Format: date */
                            from: string;
                            /** Format: date */
                            until?: string;
                        }[];
                        /** @description Revision of this thing in the registry: keep the highest */
                        revision: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    recordSale: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    property: string;
                    seller: string;
                    buyer: string;
                    /** Format: date */
                    on: string;
                    /** @description 专有部分面积, m² */
                    area?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        path: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        owners: {
                            person: string;
                            area: number;
                            /** Format: date */
                            from: string;
                            /** Format: date */
                            until?: string;
                        }[];
                        /** @description Revision of this thing in the registry: keep the highest */
                        revision: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getProperty: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                path: string;
                on?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        path: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        owners: {
                            person: string;
                            area: number;
                            /** Format: date */
                            from: string;
                            /** Format: date */
                            until?: string;
                        }[];
                        /** @description Revision of this thing in the registry: keep the highest */
                        revision: number;
                        /** Format: date */
                        on: string;
                        ownersOn: {
                            person: string;
                            area: number;
                            /** Format: date */
                            from: string;
                            /** Format: date */
                            until?: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    startMembership: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    village: string;
                    /** @enum {string} */
                    body: "party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council";
                    person: string;
                    title?: string;
                    /** Format: date */
                    from: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        membershipId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        body: "party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council";
                        person: string;
                        title?: string;
                        /** Format: date */
                        from: string;
                        /** Format: date */
                        until?: string;
                        /** @description Revision of this thing in the registry: keep the highest */
                        revision: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    endMembership: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date */
                    until: string;
                    /** @enum {string} */
                    reason: "term-ended" | "resigned" | "recalled" | "left" | "corrected";
                    expectedRevision?: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        membershipId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        body: "party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council";
                        person: string;
                        title?: string;
                        /** Format: date */
                        from: string;
                        /** Format: date */
                        until?: string;
                        /** @description Revision of this thing in the registry: keep the highest */
                        revision: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    bodyMembers: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
                body: "party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council";
                on?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        body: string;
                        /** Format: date */
                        on: string;
                        members: {
                            membershipId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @enum {string} */
                            body: "party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council";
                            person: string;
                            title?: string;
                            /** Format: date */
                            from: string;
                            /** Format: date */
                            until?: string;
                            /** @description Revision of this thing in the registry: keep the highest */
                            revision: number;
                            maskedName: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getPersonRecord: {
        parameters: {
            query: {
                /** @description Why the full record is needed, e.g. 低保资格核查 / verifying a subsidy claim */
                purpose: string;
            };
            header?: never;
            path: {
                personId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        person: string;
                        maskedName: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        household: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        partyMember: boolean;
                        resident: boolean;
                        /** Format: date */
                        votingAgeFrom?: string;
                        left?: {
                            /** Format: date */
                            on: string;
                            /** @enum {string} */
                            reason: "died" | "moved-away";
                        };
                        /** @description Revision of this thing in the registry: keep the highest */
                        revision: number;
                        maskedPhone?: string;
                        maskedIdNumber?: string;
                        fullName: string;
                        phone?: string;
                        idNumber?: string;
                        /** Format: date */
                        bornOn?: string;
                        /** @enum {string} */
                        sex?: "male" | "female";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    exportPerson: {
        parameters: {
            query: {
                /** @description Why the full record is needed, e.g. 低保资格核查 / verifying a subsidy claim */
                purpose: string;
            };
            header?: never;
            path: {
                personId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        exportedAt: string;
                        person: {
                            person: string;
                            maskedName: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            household: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            partyMember: boolean;
                            resident: boolean;
                            /** Format: date */
                            votingAgeFrom?: string;
                            left?: {
                                /** Format: date */
                                on: string;
                                /** @enum {string} */
                                reason: "died" | "moved-away";
                            };
                            /** @description Revision of this thing in the registry: keep the highest */
                            revision: number;
                            maskedPhone?: string;
                            maskedIdNumber?: string;
                            fullName: string;
                            phone?: string;
                            idNumber?: string;
                            /** Format: date */
                            bornOn?: string;
                            /** @enum {string} */
                            sex?: "male" | "female";
                        };
                        household: {
                            /** @description Place path from the province down, ids joined by "/" */
                            path: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            head: string;
                            members: string[];
                            /** @description Revision of this thing in the registry: keep the highest */
                            revision: number;
                        } | null;
                        properties: {
                            /** @description Place path from the province down, ids joined by "/" */
                            path: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            terms: {
                                person: string;
                                area: number;
                                /** Format: date */
                                from: string;
                                /** Format: date */
                                until?: string;
                            }[];
                        }[];
                        memberships: {
                            membershipId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @enum {string} */
                            body: "party-branch" | "two-committees" | "party-members-meeting" | "representatives-assembly" | "villagers-meeting" | "supervision-committee" | "deliberation-council" | "weddings-funerals-council" | "anti-drug-gambling-council" | "morality-review-council" | "homeowners-committee" | "sanitation-rating-group" | "household-heads-council" | "worthies-council";
                            person: string;
                            title?: string;
                            /** Format: date */
                            from: string;
                            /** Format: date */
                            until?: string;
                            /** @description Revision of this thing in the registry: keep the highest */
                            revision: number;
                        }[];
                        accessLog: {
                            entryId: string;
                            person: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            county: string;
                            by: string;
                            role?: string;
                            /** Format: date-time */
                            at: string;
                            purpose: string;
                            /** @enum {string} */
                            what: "record" | "export";
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listAccessLog: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                county: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            entryId: string;
                            person: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            county: string;
                            by: string;
                            role?: string;
                            /** Format: date-time */
                            at: string;
                            purpose: string;
                            /** @enum {string} */
                            what: "record" | "export";
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getImportSheetTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sheet: "places" | "people" | "properties" | "memberships";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            303: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        url: string;
                        filename: string;
                        contentType: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getImportWorkbookTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            303: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        url: string;
                        filename: string;
                        contentType: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    createImport: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    scope: string;
                    files: {
                        name: string;
                        /** @enum {string} */
                        contentType: "text/csv" | "application/csv" | "text/plain" | "application/vnd.ms-excel" | "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" | "application/vnd.ms-excel.sheet.macroEnabled.12" | "application/octet-stream";
                    }[];
                    /** @default false */
                    removeMissing?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        importId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        scope: string;
                        /** @enum {string} */
                        status: "awaiting-upload" | "refused" | "invalid" | "dry-run-clean" | "applying" | "applied" | "failed";
                        files: {
                            name: string;
                            contentType: string;
                        }[];
                        removeMissing: boolean;
                        createdBy: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** Format: date-time */
                        dryRunAt?: string;
                        summary?: {
                            places: {
                                added: number;
                                changed: number;
                                unchanged: number;
                                left: number;
                            };
                            people: {
                                added: number;
                                changed: number;
                                unchanged: number;
                                left: number;
                            };
                            households: {
                                added: number;
                                changed: number;
                                unchanged: number;
                                left: number;
                            };
                            properties: {
                                added: number;
                                changed: number;
                                unchanged: number;
                                left: number;
                            };
                            memberships: {
                                added: number;
                                changed: number;
                                unchanged: number;
                                left: number;
                            };
                        };
                        report?: {
                            ok: boolean;
                            refusal?: {
                                reason: string;
                                file: string;
                                sheet?: string;
                                missing?: string[];
                                unknown?: string[];
                                message: string;
                            };
                            problems: {
                                sheet: string;
                                sheetName: string;
                                line: number;
                                column: string;
                                reason: string;
                                message: string;
                            }[];
                            problemCount: number;
                            left: {
                                section: string;
                                key: string;
                                maskedName?: string;
                            }[];
                            leftCount: number;
                        };
                        progress?: {
                            done: number;
                            total: number;
                            partsDone: number;
                            parts: number;
                        };
                        failure?: {
                            code: string;
                            message: string;
                            retryable: boolean;
                            attempts: number;
                        };
                        /** Format: date-time */
                        appliedAt?: string;
                        uploads: {
                            name: string;
                            /** @constant */
                            method: "PUT";
                            url: string;
                            headers: {
                                [key: string]: string;
                            };
                            /** Format: date-time */
                            expiresAt: string;
                            maxBytes: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        importId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        scope: string;
                        /** @enum {string} */
                        status: "awaiting-upload" | "refused" | "invalid" | "dry-run-clean" | "applying" | "applied" | "failed";
                        files: {
                            name: string;
                            contentType: string;
                        }[];
                        removeMissing: boolean;
                        createdBy: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** Format: date-time */
                        dryRunAt?: string;
                        summary?: {
                            places: {
                                added: number;
                                changed: number;
                                unchanged: number;
                                left: number;
                            };
                            people: {
                                added: number;
                                changed: number;
                                unchanged: number;
                                left: number;
                            };
                            households: {
                                added: number;
                                changed: number;
                                unchanged: number;
                                left: number;
                            };
                            properties: {
                                added: number;
                                changed: number;
                                unchanged: number;
                                left: number;
                            };
                            memberships: {
                                added: number;
                                changed: number;
                                unchanged: number;
                                left: number;
                            };
                        };
                        report?: {
                            ok: boolean;
                            refusal?: {
                                reason: string;
                                file: string;
                                sheet?: string;
                                missing?: string[];
                                unknown?: string[];
                                message: string;
                            };
                            problems: {
                                sheet: string;
                                sheetName: string;
                                line: number;
                                column: string;
                                reason: string;
                                message: string;
                            }[];
                            problemCount: number;
                            left: {
                                section: string;
                                key: string;
                                maskedName?: string;
                            }[];
                            leftCount: number;
                        };
                        progress?: {
                            done: number;
                            total: number;
                            partsDone: number;
                            parts: number;
                        };
                        failure?: {
                            code: string;
                            message: string;
                            retryable: boolean;
                            attempts: number;
                        };
                        /** Format: date-time */
                        appliedAt?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    dryRunImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        importId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        scope: string;
                        /** @enum {string} */
                        status: "awaiting-upload" | "refused" | "invalid" | "dry-run-clean" | "applying" | "applied" | "failed";
                        files: {
                            name: string;
                            contentType: string;
                        }[];
                        removeMissing: boolean;
                        createdBy: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** Format: date-time */
                        dryRunAt?: string;
                        summary?: {
                            places: {
                                added: number;
                                changed: number;
                                unchanged: number;
                                left: number;
                            };
                            people: {
                                added: number;
                                changed: number;
                                unchanged: number;
                                left: number;
                            };
                            households: {
                                added: number;
                                changed: number;
                                unchanged: number;
                                left: number;
                            };
                            properties: {
                                added: number;
                                changed: number;
                                unchanged: number;
                                left: number;
                            };
                            memberships: {
                                added: number;
                                changed: number;
                                unchanged: number;
                                left: number;
                            };
                        };
                        report?: {
                            ok: boolean;
                            refusal?: {
                                reason: string;
                                file: string;
                                sheet?: string;
                                missing?: string[];
                                unknown?: string[];
                                message: string;
                            };
                            problems: {
                                sheet: string;
                                sheetName: string;
                                line: number;
                                column: string;
                                reason: string;
                                message: string;
                            }[];
                            problemCount: number;
                            left: {
                                section: string;
                                key: string;
                                maskedName?: string;
                            }[];
                            leftCount: number;
                        };
                        progress?: {
                            done: number;
                            total: number;
                            partsDone: number;
                            parts: number;
                        };
                        failure?: {
                            code: string;
                            message: string;
                            retryable: boolean;
                            attempts: number;
                        };
                        /** Format: date-time */
                        appliedAt?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    applyImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        importId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        scope: string;
                        /** @enum {string} */
                        status: "awaiting-upload" | "refused" | "invalid" | "dry-run-clean" | "applying" | "applied" | "failed";
                        files: {
                            name: string;
                            contentType: string;
                        }[];
                        removeMissing: boolean;
                        createdBy: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** Format: date-time */
                        dryRunAt?: string;
                        summary?: {
                            places: {
                                added: number;
                                changed: number;
                                unchanged: number;
                                left: number;
                            };
                            people: {
                                added: number;
                                changed: number;
                                unchanged: number;
                                left: number;
                            };
                            households: {
                                added: number;
                                changed: number;
                                unchanged: number;
                                left: number;
                            };
                            properties: {
                                added: number;
                                changed: number;
                                unchanged: number;
                                left: number;
                            };
                            memberships: {
                                added: number;
                                changed: number;
                                unchanged: number;
                                left: number;
                            };
                        };
                        report?: {
                            ok: boolean;
                            refusal?: {
                                reason: string;
                                file: string;
                                sheet?: string;
                                missing?: string[];
                                unknown?: string[];
                                message: string;
                            };
                            problems: {
                                sheet: string;
                                sheetName: string;
                                line: number;
                                column: string;
                                reason: string;
                                message: string;
                            }[];
                            problemCount: number;
                            left: {
                                section: string;
                                key: string;
                                maskedName?: string;
                            }[];
                            leftCount: number;
                        };
                        progress?: {
                            done: number;
                            total: number;
                            partsDone: number;
                            parts: number;
                        };
                        failure?: {
                            code: string;
                            message: string;
                            retryable: boolean;
                            attempts: number;
                        };
                        /** Format: date-time */
                        appliedAt?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    presignProgrammeEvidence: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    filename: string;
                    /** @enum {string} */
                    contentType: "image/jpeg" | "image/png" | "image/webp" | "image/heic" | "video/mp4" | "video/quicktime" | "application/pdf" | "text/plain";
                    /** @description The exact size of the file in bytes; the upload must send exactly this many. */
                    size: number;
                    /** @description Place path from the province down, ids joined by "/" */
                    place: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        uploadUrl: string;
                        /** @constant */
                        method: "PUT";
                        headers: {
                            [key: string]: string;
                        };
                        expiresAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getImplementationPlan: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                place: string;
                year: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        /** @enum {string} */
                        level: "township" | "county" | "city";
                        year: number;
                        /** @description Place path from the province down, ids joined by "/" */
                        filedWith: string;
                        /** @enum {string} */
                        status: "draft" | "filed" | "returned" | "acknowledged";
                        version: number;
                        /** Format: date-time */
                        firstFiledAt?: string;
                        history: {
                            version: number;
                            /** @enum {string} */
                            action: "drafted" | "revised" | "filed" | "returned" | "acknowledged";
                            /** Format: date-time */
                            at: string;
                            by: string;
                            comments?: string;
                        }[];
                        revision: number;
                        content: {
                            approach: string;
                            goals: string[];
                            responsibilities: {
                                item: string;
                                what: string;
                                leader: string;
                                unit: string;
                                person: string;
                            }[];
                            schedule: {
                                item: string;
                                /** Format: date */
                                by: string;
                                what: string;
                            }[];
                            /** @default [] */
                            documents: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            }[];
                            /** @description Place path from the province down, ids joined by "/" */
                            place: string;
                            year: number;
                            version: number;
                            /** Format: date-time */
                            writtenAt: string;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    writeImplementationPlan: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    approach: string;
                    goals: string[];
                    responsibilities: {
                        item: string;
                        what: string;
                        leader: string;
                        unit: string;
                        person: string;
                    }[];
                    schedule: {
                        item: string;
                        /** Format: date */
                        by: string;
                        what: string;
                    }[];
                    /** @default [] */
                    documents?: {
                        key: string;
                        contentType?: string;
                        sha256?: string;
                    }[];
                    /** @description Place path from the province down, ids joined by "/" */
                    place: string;
                    year: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        /** @enum {string} */
                        level: "township" | "county" | "city";
                        year: number;
                        /** @description Place path from the province down, ids joined by "/" */
                        filedWith: string;
                        /** @enum {string} */
                        status: "draft" | "filed" | "returned" | "acknowledged";
                        version: number;
                        /** Format: date-time */
                        firstFiledAt?: string;
                        history: {
                            version: number;
                            /** @enum {string} */
                            action: "drafted" | "revised" | "filed" | "returned" | "acknowledged";
                            /** Format: date-time */
                            at: string;
                            by: string;
                            comments?: string;
                        }[];
                        revision: number;
                        content: {
                            approach: string;
                            goals: string[];
                            responsibilities: {
                                item: string;
                                what: string;
                                leader: string;
                                unit: string;
                                person: string;
                            }[];
                            schedule: {
                                item: string;
                                /** Format: date */
                                by: string;
                                what: string;
                            }[];
                            /** @default [] */
                            documents: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            }[];
                            /** @description Place path from the province down, ids joined by "/" */
                            place: string;
                            year: number;
                            version: number;
                            /** Format: date-time */
                            writtenAt: string;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getImplementationPlanVersion: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                place: string;
                year: number;
            };
            header?: never;
            path: {
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        approach: string;
                        goals: string[];
                        responsibilities: {
                            item: string;
                            what: string;
                            leader: string;
                            unit: string;
                            person: string;
                        }[];
                        schedule: {
                            item: string;
                            /** Format: date */
                            by: string;
                            what: string;
                        }[];
                        /** @default [] */
                        documents: {
                            key: string;
                            contentType?: string;
                            sha256?: string;
                        }[];
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        year: number;
                        version: number;
                        /** Format: date-time */
                        writtenAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    fileImplementationPlan: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    place: string;
                    year: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        /** @enum {string} */
                        level: "township" | "county" | "city";
                        year: number;
                        /** @description Place path from the province down, ids joined by "/" */
                        filedWith: string;
                        /** @enum {string} */
                        status: "draft" | "filed" | "returned" | "acknowledged";
                        version: number;
                        /** Format: date-time */
                        firstFiledAt?: string;
                        history: {
                            version: number;
                            /** @enum {string} */
                            action: "drafted" | "revised" | "filed" | "returned" | "acknowledged";
                            /** Format: date-time */
                            at: string;
                            by: string;
                            comments?: string;
                        }[];
                        revision: number;
                        late: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    reviewImplementationPlan: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    place: string;
                    year: number;
                    version: number;
                    /** @constant */
                    outcome: "acknowledged";
                    comments?: string;
                } | {
                    /** @description Place path from the province down, ids joined by "/" */
                    place: string;
                    year: number;
                    version: number;
                    /** @constant */
                    outcome: "returned";
                    comments: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        /** @enum {string} */
                        level: "township" | "county" | "city";
                        year: number;
                        /** @description Place path from the province down, ids joined by "/" */
                        filedWith: string;
                        /** @enum {string} */
                        status: "draft" | "filed" | "returned" | "acknowledged";
                        version: number;
                        /** Format: date-time */
                        firstFiledAt?: string;
                        history: {
                            version: number;
                            /** @enum {string} */
                            action: "drafted" | "revised" | "filed" | "returned" | "acknowledged";
                            /** Format: date-time */
                            at: string;
                            by: string;
                            comments?: string;
                        }[];
                        revision: number;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listFiledImplementationPlans: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                with: string;
                year: number;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Place path from the province down, ids joined by "/" */
                            place: string;
                            /** @enum {string} */
                            level: "township" | "county" | "city";
                            year: number;
                            /** @description Place path from the province down, ids joined by "/" */
                            filedWith: string;
                            /** @enum {string} */
                            status: "draft" | "filed" | "returned" | "acknowledged";
                            version: number;
                            /** Format: date-time */
                            firstFiledAt?: string;
                            history: {
                                version: number;
                                /** @enum {string} */
                                action: "drafted" | "revised" | "filed" | "returned" | "acknowledged";
                                /** Format: date-time */
                                at: string;
                                by: string;
                                comments?: string;
                            }[];
                            revision: number;
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    setFilingDeadline: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    place: string;
                    year: number;
                    /** Format: date */
                    due: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        year: number;
                        /** Format: date */
                        due: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listOverdueFilings: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                with: string;
                year: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        with: string;
                        year: number;
                        /** Format: date */
                        due?: string;
                        items: {
                            /** @description Place path from the province down, ids joined by "/" */
                            place: string;
                            name: {
                                zh: string;
                                en: string;
                            };
                            /** @enum {string} */
                            status: "none" | "draft" | "filed" | "returned" | "acknowledged";
                            firstFiledAt?: string;
                            late: boolean;
                            daysOverdue: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listProgrammeTasks: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                place: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Place path from the province down, ids joined by "/" */
                            place: string;
                            year: number;
                            title: string;
                            leader: string;
                            unit: string;
                            person: string;
                            /** Format: date */
                            due: string;
                            target?: {
                                measure: string;
                                unit: string;
                                value: number;
                            };
                            taskId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            watchedBy: string;
                            /** @enum {string} */
                            status: "open" | "done";
                            achieved?: number;
                            /** Format: date */
                            doneOn?: string;
                            reports: number;
                            /** Format: date */
                            lastReportOn?: string;
                            revision: number;
                            flags: ("overdue" | "done-late" | "target-missed")[];
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    assignProgrammeTask: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    place: string;
                    year: number;
                    title: string;
                    leader: string;
                    unit: string;
                    person: string;
                    /** Format: date */
                    due: string;
                    target?: {
                        measure: string;
                        unit: string;
                        value: number;
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        year: number;
                        title: string;
                        leader: string;
                        unit: string;
                        person: string;
                        /** Format: date */
                        due: string;
                        target?: {
                            measure: string;
                            unit: string;
                            value: number;
                        };
                        taskId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        watchedBy: string;
                        /** @enum {string} */
                        status: "open" | "done";
                        achieved?: number;
                        /** Format: date */
                        doneOn?: string;
                        reports: number;
                        /** Format: date */
                        lastReportOn?: string;
                        revision: number;
                        flags: ("overdue" | "done-late" | "target-missed")[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listFlaggedTasks: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                area: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        area: string;
                        /** Format: date */
                        today: string;
                        items: {
                            /** @description Place path from the province down, ids joined by "/" */
                            place: string;
                            year: number;
                            title: string;
                            leader: string;
                            unit: string;
                            person: string;
                            /** Format: date */
                            due: string;
                            target?: {
                                measure: string;
                                unit: string;
                                value: number;
                            };
                            taskId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            watchedBy: string;
                            /** @enum {string} */
                            status: "open" | "done";
                            achieved?: number;
                            /** Format: date */
                            doneOn?: string;
                            reports: number;
                            /** Format: date */
                            lastReportOn?: string;
                            revision: number;
                            flags: ("overdue" | "done-late" | "target-missed")[];
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getProgrammeTask: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                taskId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        year: number;
                        title: string;
                        leader: string;
                        unit: string;
                        person: string;
                        /** Format: date */
                        due: string;
                        target?: {
                            measure: string;
                            unit: string;
                            value: number;
                        };
                        taskId: string;
                        /** @description Place path from the province down, ids joined by "/" */
                        watchedBy: string;
                        /** @enum {string} */
                        status: "open" | "done";
                        achieved?: number;
                        /** Format: date */
                        doneOn?: string;
                        reports: {
                            taskId: string;
                            reportNo: number;
                            note: string;
                            achieved?: number;
                            done: boolean;
                            evidence: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            }[];
                            /** Format: date */
                            reportedOn: string;
                            by: string;
                        }[];
                        /** Format: date */
                        lastReportOn?: string;
                        revision: number;
                        flags: ("overdue" | "done-late" | "target-missed")[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    reportOnProgrammeTask: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                taskId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note: string;
                    achieved?: number;
                    /** @default false */
                    done?: boolean;
                    /** @default [] */
                    evidence?: {
                        key: string;
                        contentType?: string;
                        sha256?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        task: {
                            /** @description Place path from the province down, ids joined by "/" */
                            place: string;
                            year: number;
                            title: string;
                            leader: string;
                            unit: string;
                            person: string;
                            /** Format: date */
                            due: string;
                            target?: {
                                measure: string;
                                unit: string;
                                value: number;
                            };
                            taskId: string;
                            /** @description Place path from the province down, ids joined by "/" */
                            watchedBy: string;
                            /** @enum {string} */
                            status: "open" | "done";
                            achieved?: number;
                            /** Format: date */
                            doneOn?: string;
                            reports: number;
                            /** Format: date */
                            lastReportOn?: string;
                            revision: number;
                            flags: ("overdue" | "done-late" | "target-missed")[];
                        };
                        report: {
                            taskId: string;
                            reportNo: number;
                            note: string;
                            achieved?: number;
                            done: boolean;
                            evidence: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            }[];
                            /** Format: date */
                            reportedOn: string;
                            by: string;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listPilotBatches: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                place: string;
                year?: number;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Place path from the province down, ids joined by "/" */
                            place: string;
                            year: number;
                            /** @enum {string} */
                            kind: "pilot" | "demonstration";
                            name: string;
                            villages: string[];
                            /**
                             * @default [
                             *       "decision-final",
                             *       "project-accepted"
                             *     ]
                             */
                            coveredWhen: ("decision-final" | "project-accepted" | "assessed")[];
                            target: {
                                villages?: number;
                                percent?: number;
                            };
                            batchId: string;
                            scopeVillages: number;
                            covered: number;
                            percent: number;
                            targetMet: boolean;
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    declarePilotBatch: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    place: string;
                    year: number;
                    /** @enum {string} */
                    kind: "pilot" | "demonstration";
                    name: string;
                    villages: string[];
                    /**
                     * @default [
                     *       "decision-final",
                     *       "project-accepted"
                     *     ]
                     */
                    coveredWhen?: ("decision-final" | "project-accepted" | "assessed")[];
                    target: {
                        villages?: number;
                        percent?: number;
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        year: number;
                        /** @enum {string} */
                        kind: "pilot" | "demonstration";
                        name: string;
                        villages: string[];
                        /**
                         * @default [
                         *       "decision-final",
                         *       "project-accepted"
                         *     ]
                         */
                        coveredWhen: ("decision-final" | "project-accepted" | "assessed")[];
                        target: {
                            villages?: number;
                            percent?: number;
                        };
                        batchId: string;
                        scopeVillages: number;
                        covered: number;
                        percent: number;
                        targetMet: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getPilotBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                batchId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        year: number;
                        /** @enum {string} */
                        kind: "pilot" | "demonstration";
                        name: string;
                        villages: string[];
                        /**
                         * @default [
                         *       "decision-final",
                         *       "project-accepted"
                         *     ]
                         */
                        coveredWhen: ("decision-final" | "project-accepted" | "assessed")[];
                        target: {
                            villages?: number;
                            percent?: number;
                        };
                        batchId: string;
                        scopeVillages: number;
                        covered: number;
                        percent: number;
                        targetMet: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getProgrammeRollup: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                area: string;
                /** @description A year (2026), a quarter (2026-Q2) or a month (2026-05) */
                period: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        area: string;
                        name: {
                            zh: string;
                            en: string;
                        };
                        /** @enum {string} */
                        level: "township" | "county" | "city";
                        period: string;
                        from: string;
                        to: string;
                        figures: {
                            decisions: number;
                            projectsAccepted: number;
                            raised: number;
                            spent: number;
                            satisfaction: number | null;
                            satisfactionReviews: number;
                            participation: number | null;
                            participationAssessments: number;
                            villagesByTier: {
                                pilot: number;
                                remediation: number;
                            };
                        };
                        coverage: {
                            batches: {
                                batchId: string;
                                name: string;
                                /** @enum {string} */
                                kind: "pilot" | "demonstration";
                                year: number;
                                villages: number;
                                covered: number;
                                target: {
                                    villages?: number;
                                    percent?: number;
                                };
                                percent: number;
                                targetMet: boolean;
                            }[];
                            covered: number;
                            targetsMet: number;
                        };
                        tasks: {
                            due: number;
                            late: number;
                            targetMissed: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getProgrammeReport: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                area: string;
                /** @description A year (2026), a quarter (2026-Q2) or a month (2026-05) */
                period: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        area: string;
                        name: {
                            zh: string;
                            en: string;
                        };
                        /** @enum {string} */
                        level: "township" | "county" | "city";
                        period: string;
                        from: string;
                        to: string;
                        figures: {
                            decisions: number;
                            projectsAccepted: number;
                            raised: number;
                            spent: number;
                            satisfaction: number | null;
                            satisfactionReviews: number;
                            participation: number | null;
                            participationAssessments: number;
                            villagesByTier: {
                                pilot: number;
                                remediation: number;
                            };
                        };
                        coverage: {
                            batches: {
                                batchId: string;
                                name: string;
                                /** @enum {string} */
                                kind: "pilot" | "demonstration";
                                year: number;
                                villages: number;
                                covered: number;
                                target: {
                                    villages?: number;
                                    percent?: number;
                                };
                                percent: number;
                                targetMet: boolean;
                            }[];
                            covered: number;
                            targetsMet: number;
                        };
                        tasks: {
                            due: number;
                            late: number;
                            targetMissed: number;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getProgrammeReportWorkbook: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                area: string;
                /** @description A year (2026), a quarter (2026-Q2) or a month (2026-05) */
                period: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        area: string;
                        period: string;
                        filename: string;
                        contentType: string;
                        sha256: string;
                        bytes: number;
                        url: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listHelperTeams: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                village: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Place path from the province down, ids joined by "/" */
                            village: string;
                            /** @enum {string} */
                            kind: "helper-team" | "village-work-team" | "award-counsellor";
                            name: string;
                            members: {
                                name: string;
                                unit: string;
                                duty?: string;
                                /** Format: date */
                                from: string;
                                /** Format: date */
                                until?: string;
                            }[];
                            teamId: string;
                            /** Format: date */
                            formedOn: string;
                            onDuty: string[];
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    formHelperTeam: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    village: string;
                    /** @enum {string} */
                    kind: "helper-team" | "village-work-team" | "award-counsellor";
                    name: string;
                    members: {
                        name: string;
                        unit: string;
                        duty?: string;
                        /** Format: date */
                        from: string;
                        /** Format: date */
                        until?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        village: string;
                        /** @enum {string} */
                        kind: "helper-team" | "village-work-team" | "award-counsellor";
                        name: string;
                        members: {
                            name: string;
                            unit: string;
                            duty?: string;
                            /** Format: date */
                            from: string;
                            /** Format: date */
                            until?: string;
                        }[];
                        teamId: string;
                        /** Format: date */
                        formedOn: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listSupervisionVisits: {
        parameters: {
            query: {
                /** @description Place path from the province down, ids joined by "/" */
                place: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @description Place path from the province down, ids joined by "/" */
                            place: string;
                            /** Format: date */
                            visitedOn: string;
                            by: string;
                            findings: string[];
                            visitId: string;
                            items: {
                                no: number;
                                text: string;
                                /** Format: date */
                                due: string;
                                /** Format: date */
                                closedOn?: string;
                                note?: string;
                                evidence?: {
                                    key: string;
                                    contentType?: string;
                                    sha256?: string;
                                }[];
                            }[];
                            open: number;
                            revision: number;
                            overdue: number[];
                        }[];
                        cursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    recordSupervisionVisit: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Place path from the province down, ids joined by "/" */
                    place: string;
                    /** Format: date */
                    visitedOn: string;
                    by: string;
                    findings: string[];
                    items: {
                        text: string;
                        /** Format: date */
                        due: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        /** Format: date */
                        visitedOn: string;
                        by: string;
                        findings: string[];
                        visitId: string;
                        items: {
                            no: number;
                            text: string;
                            /** Format: date */
                            due: string;
                            /** Format: date */
                            closedOn?: string;
                            note?: string;
                            evidence?: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            }[];
                        }[];
                        open: number;
                        revision: number;
                        overdue: number[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    closeSupervisionItem: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                visitId: string;
                no: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note: string;
                    /** @default [] */
                    evidence?: {
                        key: string;
                        contentType?: string;
                        sha256?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Place path from the province down, ids joined by "/" */
                        place: string;
                        /** Format: date */
                        visitedOn: string;
                        by: string;
                        findings: string[];
                        visitId: string;
                        items: {
                            no: number;
                            text: string;
                            /** Format: date */
                            due: string;
                            /** Format: date */
                            closedOn?: string;
                            note?: string;
                            evidence?: {
                                key: string;
                                contentType?: string;
                                sha256?: string;
                            }[];
                        }[];
                        open: number;
                        revision: number;
                        overdue: number[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthenticated"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            "5XX": components["responses"]["ServerError"];
        };
    };
}
