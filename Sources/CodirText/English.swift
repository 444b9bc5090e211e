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
            regularity: "Regularity (weeks)"))
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
