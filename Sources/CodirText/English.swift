import CodirModel

extension Strings {
    public static let english = Strings(
        language: .en,
        format: Formats(
            decimalSeparator: ".", groupSeparator: ",", percentSpace: "", thousands: "k", millions: "M", points: " pts",
            minutes: "min", hours: "h", days: "d", ago: { "\($0) ago" }, justNow: "just now", now: "now",
            months: [
                "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December",
            ],
            shortMonths: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
            partial: "partial", windowDays: { "\($0)d" }, windowAll: "all",
            ordinal: { n in
                let suffix =
                    (11...13).contains(n % 100) ? "th" : (n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th")
                return "\(n)\(suffix)"
            },
            rankOf: { "\($0) of \($1)" }, takesPlural: { $0 != 1 }),
        frame: Frame(
            tooSmall: { "terminal too small (need \($0)×\($1))" },
            loading: "Loading the data…",
            importHint: "Import data with 'codir import FILE…', or try 'codir demo'.",
            window: "window", silosOfSource: "silos", asOf: "as of", stale: "STALE",
            dataChanged: { "data changed \($0)" },
            helpTitle: "Keys and figures",
            help: { arrows, star in
                [
                    "1 2 3 4 5, Tab, Shift-Tab  switch pane (5: which data codir holds)",
                    "\(arrows), Enter / Esc   select a leader, open / close their detail",
                    "w window  s sort  d department  f silos by source  r refresh now",
                    "? this help  q, Ctrl-C quit",
                    "",
                    "Eng.         engagement rate: engagements / impressions of the window",
                    "vs prev      change against the window before; partial: data starts in it",
                    "Coverage     share of the other leaders' posts this leader engaged with",
                    "Reciprocity  leader pairs engaging both ways / pairs engaging at all",
                    "\(star)            top third of leaders for engaging with employees' posts",
                    "E-I index    (ties across - ties within) / ties: -1 silos, +1 open",
                    "Modularity   how much departments keep to themselves (high: silos)",
                    "Ties         one or more interactions from A to B; maps count them all",
                    "Bridges      people tied to the most other departments",
                    "Team act., r dept. employees active; r vs the leader's posts: not a cause",
                    "Share, EMV   press mentions' share; impr.×cpm/1000 + eng.×cpe: not revenue",
                    "–            unknown, never zero (docs/metrics.md defines every figure)",
                ]
            },
            keyHelp: " help", keyQuit: " quit", keyPanes: " panes", keyBack: " back", keySelect: " select",
            keyDetail: " detail", keyWindow: " window", keySort: " sort", keyDepartment: " dept", keySource: " source",
            keyRefresh: " refresh",
            paneReach: "Reach", paneEngagement: "Colleague engagement", paneSilos: "Silos", paneInfluence: "Influence",
            paneData: "Data",
            leadersCovered: { "\($0) of \($1) leader\($1 == 1 ? "" : "s")" },
            visibilityNote: { "visibility = \"\($0)\"" }),
        personal: Personal(
            keySelectPost: " select a post", keyRefresh: " refresh",
            noLongerInDirectory: {
                [
                    "The login '\($0)' is no longer in the people directory.",
                    "Ask the comms lead to add it to the 'login' column of the people CSV and import it.",
                ]
            },
            yourReach: { "Your reach, \($0)" }, impressions: "Impressions", versusPrevious: { "vs previous \($0)" },
            engagementRate: "Engagement rate", posts: "Posts", followers: "Followers",
            rankByImpressions: "Rank by impressions", rankOfLeaders: { "\($0) of \($1) leaders" }, rank: "Rank",
            notShown: "not shown", earnedMediaValue: "Earned media value", pressMentions: "Press mentions",
            before: { " (\($0) before)" }, dailyImpressions: "Daily impressions",
            yourEngagement: "Your engagement with colleagues", leaders: "leaders", employees: "employees",
            given: "Given", received: "Received", byDepartment: "By department", givenReceived: "given  received",
            withheld: "withheld", noExchange: "No exchange with colleagues in this window.",
            committeeReach: { "The committee's reach, \($0)" }, postsByLeaders: "Posts by leaders",
            leadersWhoPosted: "Leaders who posted", ofLeaders: { "\($0) of \($1)" }, employeesActive: "Employees active",
            pairsBothWays: "Leader pairs engaging both ways", pressItems: "Press items naming leaders",
            yourNumbers: "Your numbers",
            numbersWithheld: {
                [
                    "Individual numbers are not shown", "here: \($0).", "", "The committee's figures and your",
                    "department's are shown instead.",
                ]
            },
            postsToEngageEmpty: "Colleagues' posts to engage with",
            postsToEngage: { "Posts to engage with: \($0) of \($1)" },
            noColleaguePosted: "No colleague posted in this window.",
            engagedWithAll: { "You engaged with all \(grouped($0, ",")) colleague post\($0 == 1 ? "" : "s") of this window." },
            above: { "\($0) above" }, more: { "\($0) more" },
            noLink: { " No link known for this post (id \($0))." },
            yourDepartment: { "Your department: \($0)" },
            departmentWithheld: { members, minimum in
                [
                    "Withheld: your department has \(members) members,",
                    "fewer than the \(minimum) that its figures need", "(min_group_size).",
                ]
            },
            organisationEI: "Organisation E-I", noEarlierWindow: "no earlier window",
            noPrevious: { "no previous \($0)" }, opening: { "opening (\($0) before)" },
            closing: { "closing (\($0) before)" }, steady: "steady", eiIndex: "E-I index", trend: "Trend",
            tiesInside: "Ties inside", tiesAcross: "Ties across", departmentRank: { "\($0) of \($1) by E-I" },
            teamActive: "Team active", closed: "-1 closed", open: "+1 open"),
        wall: Wall(
            panesRotate: { "  panes rotate every \($0) s" },
            committeeReach: { "committee reach, \($0)" }, reachShort: { "reach \($0)" },
            versusPreviousDetail: { "\($0) vs previous" }, change: { "change vs previous \($0)" },
            changeShort: "vs previous", ofImpressions: "of impressions", eiIndexCaption: "E-I index (silos)",
            eiIndexShort: "E-I index",
            eiTrend: { opening, change in "\(opening ? "opening" : "closing") over 12 weeks (\(change))" },
            noTrend: "no trend yet", employeesActive: "employees active", activeShort: "active",
            ofTotal: { "\($0) of \($1)" }, earnedMediaValue: "earned media value", emvShort: "EMV",
            notRevenue: { "\($0), not revenue" }, pressItems: "press items naming leaders", pressShort: "press",
            previousWindow: { "previous \($0): \($1)" }, inTheWindow: "in the window", press: "Press",
            named: { actor, kind, target in
                switch kind {
                case .reaction: "\(actor) reacted to \(target)'s post"
                case .comment: "\(actor) commented on \(target)'s post"
                case .share: "\(actor) shared \(target)'s post"
                case .message: "\(actor) wrote to \(target)"
                case .mention: "\(actor) mentioned \(target)"
                }
            },
            departments: { actor, kind, target in
                switch kind {
                case .reaction: "\(actor) reacted to a post from \(target)"
                case .comment: "\(actor) commented on a post from \(target)"
                case .share: "\(actor) shared a post from \(target)"
                case .message: "\(actor) wrote to \(target)"
                case .mention: "\(actor) mentioned someone in \(target)"
                }
            },
            smallDepartment: "a small department", noInteractions: "No interactions yet in this window."),
        panes: Panes(
            post: Noun("post", "posts"), leader: Noun("leader", "leaders"), pressItem: Noun("press item", "press items"),
            day: Noun("day", "days"),
            reachTitle: { sep, sort in "Reach \(sep) sorted by \(sort)" },
            sortImpressions: "impressions", sortChange: "change", sortEngagementRate: "engagement rate", sortPosts: "posts",
            sortFollowers: "followers", sortGrowth: "follower growth", sortName: "name",
            columnLeader: "Leader", columnDepartment: "Department", columnImpressions: "Impr.", columnVersusPrevious: "vs prev",
            columnEngagement: "Eng.", columnPosts: "Posts", columnFollowers: "Followers", columnGrowth: "Growth",
            columnDaily: "Daily impressions", noReachData: "no reach data", committeeImpressions: "committee impressions",
            leadersWithData: { "\($0)/\($1) leaders" }, postsByLeaders: "posts by leaders",
            leadersPosted: { "\($0) of \($1) leader\($1 == 1 ? "" : "s") posted" }, eiIndexSilos: "E-I index (silos)",
            closedOpen: "−1 closed, +1 open",
            committeeLine: { impressions, whose, change, posts, active, sep in
                "Committee: \(impressions) impressions (\(whose)) \(change) \(sep) \(posts) \(sep) \(active) active"
            },
            dailyOf: { "Daily impressions of \($0) since \($1) (Enter for details)" },
            columnToLeaders: "to lead.", columnToEmployees: "to empl.", columnFromLeaders: "from lead.",
            columnFromEmployees: "from empl.", columnCoverage: "Coverage",
            reciprocity: { "Reciprocity \($0): \($1) of \($2) engaged leader pairs engage both ways" },
            topThird: { "\($0) top third for engaging with employees' posts" },
            whoEngagesWithWhom: { "Who engages with whose posts (interactions, row \($0) column)" },
            eiIndex: "E-I index", modularity: "Modularity",
            weeksTrend: { n, first, arrow, last in "\(n) weeks: \(first) \(arrow) \(last)" },
            ties: { across, sep, within in "ties: \(across) across \(sep) \(within) within" },
            mapCaption: { arrow, sep in "Interactions between departments (row \(arrow) column) \(sep) E-I index of each, on ties" },
            bridges: "Bridges (other departments reached)", notNamed: { "Not named here (\($0))." },
            weekHeader: "Week of        E-I  Modularity",
            influenceTitle: { "Influence \($0) exemplarity, media impact, market value" },
            columnTeam: "Team act.", columnPosts12: "Posts, 12 wk", columnPress: "Press", columnShare: "Share",
            columnAudience: "Audience", columnHashtags: "Top hashtags", columnRegular: "Regular",
            teamWithheld: { "Team figures of departments under \($0) employees are withheld." },
            notRevenue: "not revenue", pressItems: "press items", editorialLine: "Editorial line: ",
            noHashtags: "no hashtags on the leaders' posts in this window",
            rates: { "\($0) per 1,000 impressions, \($1) per engagement" },
            marketValue: { emv, rates in
                "Market value: \(emv) earned media value at \(rates): what the same reach would cost as advertising, not revenue"
            },
            marketValueShort: { emv, cpm, cpe in "Market value: EMV \(emv) (\(cpm)/1k impr., \(cpe)/eng.), not revenue" },
            fluidity: { ei, spark, n, first, arrow, last in
                "Fluidity: E-I index \(ei) \(spark) \(n) weeks: \(first) \(arrow) \(last)"
            },
            mediaImpact: { count, window, previous in
                "Media impact: \(grouped(count, ",")) press item\(count == 1 ? "" : "s") naming a leader"
                    + (previous.map { " (previous \(window): \($0))" } ?? "")
            },
            headlinesWithheld: { "Headlines name leaders: not shown under \($0)." },
            noPressItem: "No press item names a leader in this window (codir import a feed or a press CSV).",
            dataTitle: { sep, days in "Data \(sep) stale after \(grouped(days, ",")) day\(days == 1 ? "" : "s")" },
            groupArchive: "LinkedIn archive", groupAnalytics: "LinkedIn analytics", groupEvents: "Events",
            groupTraffic: "Chat & mail", noLeaders: "No leaders to show.",
            moreHidden: { "+\($0) more (make the terminal taller, or codir status)" },
            legend: { arrow, stale in
                "MM-DD\(arrow)MM-DD: the period the records cover; then the age of the last file (\(stale) stale)."
            },
            nothingToAsk: "Nothing to ask for: every leader's data is fresh.", askForExport: "Ask for a fresh export:",
            moreRequests: { "+\($0) more (codir status lists them all)" }, ageDays: { "\($0)d" }, noneYet: "none yet",
            lastFile: { "last file \($0)" }, never: "never",
            sourceTitle: { $0.title },
            withheldNotALeader: { "Leaders' individual numbers are not shown (\($0); your login is not a leader's)." },
            withheldSelf: { "Only your own row: other leaders' numbers are not shown (\($0))." },
            withheldAggregate: { "Leaders' individual numbers are not shown (\($0))." },
            engagements: "Engagements", growthCounts: "Follower growth (counts)", growthDaily: "Follower growth (daily new)",
            growth: "Follower growth", givenToLeaders: "Given to leaders", givenToEmployees: "Given to employees",
            receivedFromLeaders: "Received from leaders", receivedFromEmployees: "Received from employees",
            coverageOfLeaders: "Coverage of leaders' posts", influence: "Influence",
            audienceOf: { "Audience (analytics of \($0))" }, dailyFrom: { "Daily impressions, \($0) (from \($1))" },
            loadingWho: "Loading who engages with their posts…", whoEngages: "Who engages with their posts",
            noOne: "No one in this window.", whosePosts: "Whose posts they engaged with", leaderRole: " (leader)",
            noOnesPosts: "No one's posts in this window.", inThePress: "In the press", posts12r: "Posts, 12 wk; r",
            hashtags: "Hashtags", none: "none", previousShort: { " (prev. \($0))" }, growthRate: "Follower growth rate",
            regularity: "Regularity (weeks)"),
        report: Report(
            person: Noun("person", "people"),
            employee: Noun("employee", "employees"),
            interaction: Noun("interaction", "interactions"),
            engagedPair: Noun("engaged pair", "engaged pairs"),
            otherDepartment: Noun("other department", "other departments"),
            windowTitle: { "\($0) · \($1) window" },
            fromTo: { "From \($0 ?? "the beginning") to \($1)" },
            peopleLine: { "\($0) (\($1), \($2)) · \($3) employees active (\($4))" },
            published: { "\($0) · \($1) published" },
            sectionReach: "REACH",
            noLeaders: "No leaders in the directory.",
            columnFollowers: "Follow.",
            reachLegend: { "Impr.: impressions; vs prev: against the previous \($0); Eng.: engagement rate." },
            partialNote: { "partial: the leader's data starts inside the previous \($0), so no change is given." },
            unrankedNote: "A leader without a rank has no impressions in codir for this window: not zero, unknown.",
            sectionEngagement: "COLLEAGUE ENGAGEMENT (reactions, comments, shares)",
            columnToLeaders: "to leaders",
            coverageNote: "Coverage: share of the other leaders' posts of the window engaged with.",
            reciprocity: { "Committee reciprocity: \($0) (\($1) of \($2) engaged leader pairs engage both ways)" },
            matrixTitle: "Who engages with whose posts (row: engaging leader; column: post author)",
            sectionInfluence: "INFLUENCE: exemplarity, media impact, market value, fluidity",
            exemplarityIntro: "Exemplarity: each leader's team active in the window, their weekly posts",
            columnTeam: "Team",
            columnActive: "Active",
            columnPrevious: "Prev.",
            columnChange: "Change",
            columnPosts12: "Posts, 12 weeks",
            activeNote: "Active: the department's employees who interacted with someone, of all of them. r: correlation of the leader's weekly posts with their team's weekly active share, over the weeks with data: an indication, not a cause (none with fewer than 4 weeks).",
            editorialLine: "Editorial line",
            committeeHashtags: "Committee hashtags: ",
            columnHashtags: "Top hashtags",
            columnCadence: "Cadence",
            columnRegularity: "Regularity",
            cadenceNote: "Cadence: posts per week over 12 weeks, oldest first. Regularity: the share of those weeks with a post.",
            mediaImpact: "Media impact",
            mediaImpactPrefix: "Media impact: ",
            columnMentions: "Mentions",
            columnAudience: "Audience",
            columnShareOfVoice: "Share of voice",
            latestHeadlines: "Latest headlines",
            marketValueLine: { "Market value: committee \($0) earned media value" },
            columnFollowerGrowth: "Follower growth",
            columnRank: "Rank",
            fluidityLine: { "Organisational fluidity: E-I index \($0) (SILOS above: from -1, all ties within departments, to +1, all across)." },
            sectionSilosOf: { "SILOS (interactions from \($0) only)" },
            sectionSilos: "SILOS (all interactions between departments)",
            eiModularity: { "E-I index \($0) · modularity \($1)" },
            tiesLine: { "Ties: \($0) across departments, \($1) within" },
            eiWeeks: { "E-I, last \($0) weeks: \($1)  \($2) → \($3)" },
            eiRange: "E-I runs from -1 (all ties within departments) to +1 (all ties across them).",
            columnMembers: "Members",
            columnWithin: "Within",
            columnAcross: "Across",
            withheldDepartments: { "withheld: a department of fewer than \($0) members (min_group_size), whose figures are not shown." },
            matrixCaption: "Interactions from department (row) to department (column)",
            withheldShort: "w/h",
            withheldShortNote: { "w/h: withheld, a department of fewer than \($0) members." },
            matrixTooWide: { "Department matrix: \($0) departments, too wide for text; use --format json or csv --table matrix." },
            topBridges: "Top bridges (people with ties to the most other departments)",
            noneInWindow: "None in this window.",
            bridgeDepartments: { "\($0) dept." },
            committeeLine: { impressions, whose, change, window, posts, posted, leaders in "Committee: \(impressions) impressions (data of \(whose)) \(change) vs previous \(window) · \(posts) · \(posted) of \(leaders) posted" },
            withheldNotALeader: { "Leaders' individual numbers are not shown: this installation's configuration sets \($0), and your login is not a leader's in the directory." },
            withheldSelf: { "Only your own row is shown: this installation's configuration sets \($0)." },
            withheldAggregate: { "Leaders' individual numbers are not shown: this installation's configuration sets \($0)." },
            ratesNote: { "Earned media value: what the same reach would cost as advertising, at \($0) per 1,000 impressions and \($1) per engagement ([value] in the configuration). An estimate, not revenue." },
            noHashtags: "No hashtags on the leaders' posts in this window.",
            mentions: { count, window, previous in "\(grouped(count, ",")) press item\(count == 1 ? "" : "s") naming a leader" + (previous.map { " (previous \(window): \($0))" } ?? "") },
            title: { "\($0): influence report" },
            period: { "\($0) to \($1)" },
            everythingUpTo: { "everything up to \($0)" },
            headlineImpressions: { "**\($0) impressions** for the committee" },
            headlineCoverage: { " (data of \($0))" },
            headlineChange: { ", \($0) on the previous \($1)" },
            headlinePosts: { "; **\($0)** by \($1) of \($2)" },
            headlineActive: { "; **\($0)** of employees active (\($1) of \($2))" },
            headlineReciprocity: { "; leaders engage both ways in **\($0)** of their pairs" },
            headlineSilos: { "; silos: E-I index **\($0)**\($1)" },
            opening: ", opening",
            closing: ", closing",
            interactionsAndPosts: { "\($0) and \($1) in the window." },
            columnImpressions: "Impressions",
            columnVersusPrevious: "vs previous",
            columnEngagementRate: "Engagement rate",
            columnGrowth: "Growth",
            reachNote: { length, partial, unranked in "_Impressions and engagement rate (engagements / impressions) over the window; vs previous: the change on the \(length) before" + (partial ? " (partial: the leader's data starts inside it)" : "") + "; – unknown, never zero" + (unranked ? "; no rank: no impressions known" : "") + "._" },
            columnToLeadersLong: "To leaders",
            columnToEmployeesLong: "To employees",
            columnFromLeadersLong: "From leaders",
            columnFromEmployeesLong: "From employees",
            columnCoverageLong: "Coverage",
            reciprocityBold: { "Committee reciprocity: **\($0)** (\($1) of \($2) engage both ways)." },
            engagementNote: "_Reactions, comments and shares on posts, given and received; coverage: the share of the other leaders' posts the leader engaged with._",
            silosLine: { "E-I index **\($0)**, modularity **\($1)**. Weekly E-I: \($2)." },
            silosNote: "_E-I index: (ties across departments − ties within) / all ties, from −1 (each department keeps to itself) to +1 (every tie crosses a boundary); a tie is a pair of people with at least one interaction. Modularity: how much departments keep to themselves (high: silos)._",
            columnTiesWithin: "Ties within",
            columnTiesAcross: "Ties across",
            topBridgesColon: "Top bridges:",
            exemplarity: "Exemplarity",
            noTeamFigures: "No team figures to show.",
            columnPreviousLong: "Previous",
            columnPostsPerWeek: "Posts per week (12)",
            activeNoteLong: "_Active: the department's employees who interacted with someone in the window, of all of them. r: Pearson's correlation of the leader's weekly posts with their team's weekly active share over 12 weeks, an indication, not a cause (none when either is constant or fewer than 4 weeks have data)._",
            regularityNote: "_Regularity: the share of the 12 weeks in which the leader posted._",
            latestHeadlinesColon: "Latest headlines:",
            marketValue: "Market value",
            committeeValue: { "Committee: **\($0)** earned media value." },
            fluidity: "Organisational fluidity",
            fluidityBold: { "E-I index **\($0)**: the Silos section above." },
            wholeHistory: "whole history",
            reachHeading: "Reach"),
        messages: Messages(
            statusTitle: { "\($0): the data codir holds for each leader, as of \($1) UTC" },
            staleAfter: { "A source is stale when its last file arrived more than \($0) ago." },
            eachSource: "Each source: the period its records cover, how many, the age of its last file.",
            noDataYet: "  no data yet",
            period: { "\($0) to \($1)" },
            record: Noun("record", "records"),
            file: { "file \($0)" },
            staleMark: "  STALE",
            askForExport: "Ask for a fresh export (on LinkedIn: Settings, Data privacy, Get a copy of your",
            askForExport2: "data; and Analytics, Export):",
            noDatabase: { "no database at \($0); waiting for it" },
            buildingDemo: { "Building the demo history: \($0)" },
            noPasswordEntry: { "user id \($0) has no entry in the password database, so codir cannot tell who you are" },
            onlyAdmins: { file, login in "only the admins named in the configuration\(file.map { " in \($0)" } ?? " (no configuration file was found)") may use --as; you are '\(login)'" },
            noSuchLogin: { path, login, close in "no one in the directory of \(path) has the login '\(login)'" + (close.map { "; did you mean \($0)?" } ?? "") },
            whoeverRunsCodir: "whoever runs codir for your committee",
            notInDirectory: { "your login '\($0)' is not in codir's directory yet: ask \($1) to add it to your row (the 'login' column of the people file, then 'codir import people.csv')" },
            meNeedsTerminal: "codir me needs a terminal on standard output; over ssh, connect without a command or with 'ssh -t'",
            needsTerminal: { "codir \($0) needs a terminal on standard output; for text, use 'codir report'" }))
}

/// Digits in groups of three: `1,234` / `1 234`.
func grouped(_ value: Int, _ separator: String) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
        out.append(c)
    }
    return (value < 0 ? "-" : "") + out
}
