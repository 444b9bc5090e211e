import CodirModel

/// Every text a person reads, in one language: one value per language (`English.swift`, `French.swift`), so
/// that a missing translation does not compile. A typed table rather than `.strings` resources: SwiftPM on
/// Linux has no String Catalog tools, a resource bundle is one more file to install beside the binary, and a
/// key misspelt in a call is a compile error here, not an English fallback on screen. Parametrised texts are
/// functions, so that each language puts the values where its grammar wants them.
public struct Strings: Sendable {
    public var language: Language
    public var format: Formats
    public var frame: Frame
    public var personal: Personal
    public var wall: Wall
    public var panes: Panes
    public var report: Report
    public var messages: Messages
    public var imports: Imports
    public var database: Database
    public var lines: Lines
    public var files: Files
    public var sources: Sources
    public var commands: Commands
    public var help: Help

    /// The table of `language`.
    public static func of(_ language: Language) -> Strings { language == .fr ? french : english }

    /// The table of the language bound for the text being made (`Language.current`).
    public static var current: Strings { of(Language.current) }
}

/// A noun with its singular and plural (`1 post`, `2 posts`; French takes the singular for 0 and 1).
public struct Noun: Sendable {
    public var one: String
    public var other: String

    public init(_ one: String, _ other: String) {
        self.one = one
        self.other = other
    }

    /// `1 post`, `2 posts`, `1,204 posts` (`0 post`, `1 234 posts`): the count, and the noun in the current
    /// language's number.
    public func counted(_ count: Int) -> String {
        let format = Strings.current.format
        return "\(grouped(count, format.groupSeparator)) \(format.takesPlural(count) ? other : one)"
    }
}

extension Strings {
    /// The words and signs inside numbers, dates and durations.
    public struct Formats: Sendable {
        /// `.` or `,`.
        public var decimalSeparator: String
        /// Between groups of three digits in whole numbers written out: `,` or a space.
        public var groupSeparator: String
        /// Before `%`: nothing, or a space.
        public var percentSpace: String
        /// What comes before a colon: nothing in English, a (non-breaking) space in French (`Presse : …`).
        public var colonSpace: String
        /// A day in five columns: `11-30` in English, `30/11` in French.
        public var monthDay: @Sendable (Day) -> String
        /// After a number of thousands or millions: `k`/`M`, or ` k`/` M`.
        public var thousands: String
        public var millions: String
        /// After a change of a share: ` pts`.
        public var points: String
        public var minutes: String
        public var hours: String
        public var days: String
        /// `3 min ago`.
        public var ago: @Sendable (String) -> String
        public var justNow: String
        /// In a column of six: under a minute.
        public var now: String
        /// January…December as written in a date.
        public var months: [String]
        /// Jan…Dec, short.
        public var shortMonths: [String]
        /// A change against a previous window the data covers only in part.
        public var partial: String
        /// `30d` / `30 j`, and the window that holds everything.
        public var windowDays: @Sendable (Int) -> String
        public var windowAll: String
        /// `1st`, `2nd` / `1er`, `2e`.
        public var ordinal: @Sendable (Int) -> String
        /// `3rd of 10` / `3e sur 10`.
        public var rankOf: @Sendable (String, Int) -> String
        /// The plural rule: whether a count takes the plural.
        public var takesPlural: @Sendable (Int) -> Bool
    }

    /// What every screen shares: the header, the key bar, the help, the messages of an empty or broken screen.
    public struct Frame: Sendable {
        public var tooSmall: @Sendable (Int, Int) -> String
        public var loading: String
        public var importHint: String
        public var window: String
        public var silosOfSource: String
        public var asOf: String
        public var stale: String
        public var dataChanged: @Sendable (String) -> String
        public var helpTitle: String
        /// The help's lines; the arguments: the arrow keys, the star.
        public var help: @Sendable (String, String) -> [String]
        public var keyHelp: String
        public var keyQuit: String
        public var keyPanes: String
        public var keyBack: String
        public var keySelect: String
        public var keyDetail: String
        /// The names of the Enter and Escape keys in the key bar.
        public var keyEnter: String
        public var keyEscape: String
        public var keyWindow: String
        public var keySort: String
        public var keyDepartment: String
        public var keySource: String
        public var keyRefresh: String
        public var paneReach: String
        public var paneEngagement: String
        public var paneSilos: String
        public var paneInfluence: String
        public var paneData: String
        /// What a heat map has no room for: rows, columns.
        public var hiddenInMap: @Sendable (Int, Int) -> String
        /// `7 of 10 leaders`: how many leaders the committee's impressions come from.
        public var leadersCovered: @Sendable (Int, Int) -> String
        /// The visibility's note: `visibility = "self"` names the configuration key; the argument is its value.
        public var visibilityNote: @Sendable (String) -> String
    }

    /// `codir me`.
    public struct Personal: Sendable {
        public var keySelectPost: String
        public var keyRefresh: String
        public var noLongerInDirectory: @Sendable (String) -> [String]
        public var yourReach: @Sendable (String) -> String
        public var impressions: String
        public var versusPrevious: @Sendable (String) -> String
        public var engagementRate: String
        public var posts: String
        public var followers: String
        public var rankByImpressions: String
        public var rankOfLeaders: @Sendable (String, Int) -> String
        public var rank: String
        public var notShown: String
        public var earnedMediaValue: String
        public var pressMentions: String
        public var before: @Sendable (Int) -> String
        public var dailyImpressions: String
        public var yourEngagement: String
        public var leaders: String
        public var employees: String
        public var given: String
        public var received: String
        public var byDepartment: String
        public var givenReceived: String
        public var withheld: String
        public var noExchange: String
        public var committeeReach: @Sendable (String) -> String
        public var postsByLeaders: String
        public var leadersWhoPosted: String
        public var ofLeaders: @Sendable (Int, Int) -> String
        public var employeesActive: String
        public var pairsBothWays: String
        public var pressItems: String
        public var yourNumbers: String
        /// Why the person's own numbers are withheld; the argument: the visibility note.
        public var numbersWithheld: @Sendable (String) -> [String]
        public var postsToEngageEmpty: String
        public var postsToEngage: @Sendable (Int, Int) -> String
        public var noColleaguePosted: String
        public var engagedWithAll: @Sendable (Int) -> String
        public var above: @Sendable (Int) -> String
        public var more: @Sendable (Int) -> String
        public var noLink: @Sendable (String) -> String
        public var yourDepartment: @Sendable (String) -> String
        public var departmentWithheld: @Sendable (Int, Int) -> [String]
        public var organisationEI: String
        public var noEarlierWindow: String
        public var noPrevious: @Sendable (String) -> String
        public var opening: @Sendable (String) -> String
        public var closing: @Sendable (String) -> String
        public var steady: String
        public var eiIndex: String
        public var trend: String
        public var tiesInside: String
        public var tiesAcross: String
        public var departmentRank: @Sendable (String, Int) -> String
        public var teamActive: String
        public var closed: String
        public var open: String
    }

    /// `codir wall`: its tiles and its ticker.
    public struct Wall: Sendable {
        public var panesRotate: @Sendable (Int) -> String
        public var committeeReach: @Sendable (String) -> String
        public var reachShort: @Sendable (String) -> String
        public var versusPreviousDetail: @Sendable (String) -> String
        public var change: @Sendable (String) -> String
        public var changeShort: String
        public var ofImpressions: String
        public var eiIndexCaption: String
        public var eiIndexShort: String
        public var eiTrend: @Sendable (Bool, String) -> String
        public var noTrend: String
        public var employeesActive: String
        public var activeShort: String
        public var ofTotal: @Sendable (String, String) -> String
        public var earnedMediaValue: String
        public var emvShort: String
        public var notRevenue: @Sendable (String) -> String
        public var pressItems: String
        public var pressShort: String
        public var previousWindow: @Sendable (String, Int) -> String
        public var inTheWindow: String
        public var press: String
        /// `Claire Martin (Sales) commented on Paul Durand's post`: actor with department, the kind, the target.
        public var named: @Sendable (String, InteractionKind, String) -> String
        /// Departments only: the actor's department, the kind, the target's.
        public var departments: @Sendable (String, InteractionKind, String) -> String
        public var smallDepartment: String
        public var noInteractions: String
    }

    /// The dashboard's panes and the leader detail.
    public struct Panes: Sendable {
        public var post: Noun
        public var leader: Noun
        public var pressItem: Noun
        public var day: Noun
        // Reach
        public var reachTitle: @Sendable (String, String) -> String
        public var sortImpressions: String
        public var sortChange: String
        public var sortEngagementRate: String
        public var sortPosts: String
        public var sortFollowers: String
        public var sortGrowth: String
        public var sortName: String
        public var columnLeader: String
        public var columnDepartment: String
        public var columnImpressions: String
        public var columnVersusPrevious: String
        public var columnEngagement: String
        public var columnPosts: String
        public var columnFollowers: String
        public var columnGrowth: String
        public var columnDaily: String
        public var noReachData: String
        public var committeeImpressions: String
        public var leadersWithData: @Sendable (Int, Int) -> String
        public var postsByLeaders: String
        public var leadersPosted: @Sendable (Int, Int) -> String
        public var eiIndexSilos: String
        public var closedOpen: String
        /// The committee in one line: impressions, whose, change, posts, active share, the separator.
        public var committeeLine: @Sendable (String, String, String, String, String, String) -> String
        /// The selected leader's chart: their name, the first day (ISO in English, `2 novembre` in French).
        public var dailyOf: @Sendable (String, Day) -> String
        // Colleague engagement
        public var columnToLeaders: String
        public var columnToEmployees: String
        public var columnFromLeaders: String
        public var columnFromEmployees: String
        public var columnCoverage: String
        public var reciprocity: @Sendable (String, Int, Int) -> String
        public var topThird: @Sendable (String) -> String
        public var whoEngagesWithWhom: @Sendable (String) -> String
        // Silos
        public var eiIndex: String
        public var modularity: String
        public var weeksTrend: @Sendable (Int, String, String, String) -> String
        public var ties: @Sendable (String, String, String) -> String
        public var mapCaption: @Sendable (String, String) -> String
        public var bridges: String
        public var notNamed: @Sendable (String) -> String
        public var weekHeader: String
        // Influence
        public var influenceTitle: @Sendable (String) -> String
        public var columnTeam: String
        public var columnPosts12: String
        public var columnPress: String
        public var columnShare: String
        public var columnAudience: String
        public var columnHashtags: String
        public var columnRegular: String
        public var teamWithheld: @Sendable (Int) -> String
        public var notRevenue: String
        public var pressItems: String
        public var editorialLine: String
        public var noHashtags: String
        public var rates: @Sendable (String, String) -> String
        public var marketValue: @Sendable (String, String) -> String
        public var marketValueShort: @Sendable (String, String, String) -> String
        public var fluidity: @Sendable (String, String, Int, String, String, String) -> String
        /// `Media impact: 3 press items naming a leader (previous 30d: 2)`: the count, the window, the previous.
        public var mediaImpact: @Sendable (Int, String, Int?) -> String
        public var headlinesWithheld: @Sendable (String) -> String
        public var noPressItem: String
        // Data
        public var dataTitle: @Sendable (String, Int) -> String
        public var groupArchive: String
        public var groupAnalytics: String
        public var groupEvents: String
        public var groupTraffic: String
        public var noLeaders: String
        public var moreHidden: @Sendable (Int) -> String
        public var legend: @Sendable (String, String) -> String
        public var nothingToAsk: String
        public var askForExport: String
        public var moreRequests: @Sendable (Int) -> String
        public var ageDays: @Sendable (Int) -> String
        public var noneYet: String
        public var lastFile: @Sendable (String) -> String
        public var never: String
        public var sourceTitle: @Sendable (DataSource) -> String
        // Withheld
        public var withheldNotALeader: @Sendable (String) -> String
        public var withheldSelf: @Sendable (String) -> String
        public var withheldAggregate: @Sendable (String) -> String
        // Leader detail
        public var engagements: String
        public var growthCounts: String
        public var growthDaily: String
        public var growth: String
        public var givenToLeaders: String
        public var givenToEmployees: String
        public var receivedFromLeaders: String
        public var receivedFromEmployees: String
        public var coverageOfLeaders: String
        public var influence: String
        public var audienceOf: @Sendable (String) -> String
        public var dailyFrom: @Sendable (String, String) -> String
        public var loadingWho: String
        public var whoEngages: String
        public var noOne: String
        public var whosePosts: String
        public var leaderRole: String
        public var noOnesPosts: String
        public var inThePress: String
        public var posts12r: String
        public var hashtags: String
        public var none: String
        public var previousShort: @Sendable (Int) -> String
        public var growthRate: String
        public var regularity: String
    }

    /// The text and Markdown reports.
    public struct Report: Sendable {
        public var person: Noun
        public var employee: Noun
        public var interaction: Noun
        public var engagedPair: Noun
        public var otherDepartment: Noun
        public var windowTitle: @Sendable (String, String) -> String
        public var fromTo: @Sendable (String?, String) -> String
        public var peopleLine: @Sendable (String, String, String, String, String) -> String
        public var published: @Sendable (String, String) -> String
        public var sectionReach: String
        public var noLeaders: String
        public var columnFollowers: String
        public var reachLegend: @Sendable (String) -> String
        public var partialNote: @Sendable (String) -> String
        public var unrankedNote: String
        public var sectionEngagement: String
        public var columnToLeaders: String
        public var coverageNote: String
        public var reciprocity: @Sendable (String, Int, Int) -> String
        public var matrixTitle: String
        public var sectionInfluence: String
        public var exemplarityIntro: String
        public var columnTeam: String
        public var columnActive: String
        public var columnPrevious: String
        public var columnChange: String
        public var columnPosts12: String
        public var activeNote: String
        public var editorialLine: String
        public var committeeHashtags: String
        public var columnHashtags: String
        public var columnCadence: String
        public var columnRegularity: String
        public var cadenceNote: String
        public var mediaImpact: String
        public var mediaImpactPrefix: String
        public var columnMentions: String
        public var columnAudience: String
        public var columnShareOfVoice: String
        public var latestHeadlines: String
        public var marketValueLine: @Sendable (String) -> String
        public var columnFollowerGrowth: String
        public var columnRank: String
        public var fluidityLine: @Sendable (String) -> String
        public var sectionSilosOf: @Sendable (String) -> String
        public var sectionSilos: String
        public var eiModularity: @Sendable (String, String) -> String
        public var tiesLine: @Sendable (String, String) -> String
        public var eiWeeks: @Sendable (Int, String, String, String) -> String
        public var eiRange: String
        public var columnMembers: String
        public var columnWithin: String
        public var columnAcross: String
        public var withheldDepartments: @Sendable (Int) -> String
        public var matrixCaption: String
        public var withheldShort: String
        public var withheldShortNote: @Sendable (Int) -> String
        public var matrixTooWide: @Sendable (Int) -> String
        public var topBridges: String
        public var noneInWindow: String
        public var bridgeDepartments: @Sendable (Int) -> String
        public var committeeLine: @Sendable (String, String, String, String, String, Int, String) -> String
        public var withheldNotALeader: @Sendable (String) -> String
        public var withheldSelf: @Sendable (String) -> String
        public var withheldAggregate: @Sendable (String) -> String
        public var ratesNote: @Sendable (String, String) -> String
        public var noHashtags: String
        public var mentions: @Sendable (Int, String, Int?) -> String
        public var title: @Sendable (String) -> String
        public var period: @Sendable (String, String) -> String
        public var everythingUpTo: @Sendable (String) -> String
        public var headlineImpressions: @Sendable (String) -> String
        public var headlineCoverage: @Sendable (String) -> String
        public var headlineChange: @Sendable (String, String) -> String
        public var headlinePosts: @Sendable (String, Int, String) -> String
        public var headlineActive: @Sendable (String, String, String) -> String
        public var headlineReciprocity: @Sendable (String) -> String
        public var headlineSilos: @Sendable (String, String) -> String
        public var opening: String
        public var closing: String
        public var interactionsAndPosts: @Sendable (String, String) -> String
        public var columnImpressions: String
        public var columnVersusPrevious: String
        public var columnEngagementRate: String
        public var columnGrowth: String
        public var reachNote: @Sendable (String, Bool, Bool) -> String
        public var columnToLeadersLong: String
        public var columnToEmployeesLong: String
        public var columnFromLeadersLong: String
        public var columnFromEmployeesLong: String
        public var columnCoverageLong: String
        public var reciprocityBold: @Sendable (String, Int, String) -> String
        public var engagementNote: String
        public var silosLine: @Sendable (String, String, String) -> String
        public var silosNote: String
        public var columnTiesWithin: String
        public var columnTiesAcross: String
        public var topBridgesColon: String
        public var exemplarity: String
        public var noTeamFigures: String
        public var columnPreviousLong: String
        public var columnPostsPerWeek: String
        public var activeNoteLong: String
        public var regularityNote: String
        public var latestHeadlinesColon: String
        public var marketValue: String
        public var committeeValue: @Sendable (String) -> String
        public var fluidity: String
        public var fluidityBold: @Sendable (String) -> String
        public var wholeHistory: String
        public var reachHeading: String
    }

    /// What the commands say outside the screens: codir status, codir me's refusals, the demo's progress.
    public struct Messages: Sendable {
        public var statusTitle: @Sendable (String, String) -> String
        public var staleAfter: @Sendable (String) -> String
        public var eachSource: String
        public var noDataYet: String
        public var period: @Sendable (String, String) -> String
        public var record: Noun
        public var file: @Sendable (String) -> String
        public var staleMark: String
        public var askForExport: String
        public var askForExport2: String
        public var noDatabase: @Sendable (String) -> String
        public var buildingDemo: @Sendable (String) -> String
        public var noPasswordEntry: @Sendable (UInt32) -> String
        public var onlyAdmins: @Sendable (String?, String) -> String
        public var noSuchLogin: @Sendable (String, String, String?) -> String
        public var whoeverRunsCodir: String
        public var notInDirectory: @Sendable (String, String) -> String
        public var meNeedsTerminal: String
        public var needsTerminal: @Sendable (String) -> String
    }

    /// The summaries of `codir import` and `codir ingest`.
    public struct Imports: Sendable {
        public var canonical: @Sendable (String, Int, Int, Int) -> String
        public var canonicalTotal: @Sendable (String, Int, Int, Int) -> String
        public var followed: @Sendable (String, Int, Int, Int) -> String
        public var readAs: @Sendable (String) -> String
        public var departmentReadAs: @Sendable (String, String) -> String
        public var notInDirectory: String
        public var dryRun: String
        public var mail: @Sendable (String, Int, Int, Int, Int, Int, Int, Int) -> String
        public var mailPrivacy: String
        public var slack: @Sendable (String, Int, Int, Int, Int, Int, Int) -> String
        public var chatPrivacy: String
        public var vivaEngage: @Sendable (String, Int, Int, Int, Int, Int) -> String
        public var press: @Sendable (String, Int, Int, Int, Int, Int) -> String
        public var following: @Sendable (String) -> String
        public var watching: @Sendable (String) -> String
    }

    /// What the store says when a database cannot be used.
    public struct Database: Sendable {
        public var missing: @Sendable (String) -> String
        public var cannotCreate: @Sendable (String, String) -> String
        public var cannotOpen: @Sendable (String, String) -> String
        public var notCodirDatabase: @Sendable (String) -> String
        public var newerSchema: @Sendable (String) -> String
        public var locked: @Sendable (String) -> String
        public var walFilesMissing: @Sendable (String) -> String
        public var full: @Sendable (String) -> String
        public var unknownPerson: @Sendable (String, String) -> String
        public var io: @Sendable (String, String) -> String
    }

    /// Why a line of a people or events file is rejected (after its `FILE:LINE: error:` prefix).
    public struct Lines: Sendable {
        public var negativeCount: @Sendable (Int64, String) -> String
        public var implausibleCount: @Sendable (Int64, String) -> String
        public var dateOutside: @Sendable (String, String) -> String
        public var dayOutside: @Sendable (String, String) -> String
        public var badDay: @Sendable (String) -> String
        public var dailyNeedsOne: String
        public var unknownType: @Sendable (String, String) -> String
        public var containsNUL: @Sendable (String) -> String
        public var notAList: @Sendable (String) -> String
        public var notAString: @Sendable (String, String) -> String
        public var notHashtags: @Sendable (String, String) -> String
        public var badHashtag: @Sendable (String, String, Int) -> String
        public var missingField: @Sendable (String) -> String
        public var badTimestamp: @Sendable (String, String) -> String
        public var nonNumeric: @Sendable (String, String) -> String
        public var nonNumericList: @Sendable (String) -> String
        public var nonNumericOther: @Sendable (String, String) -> String
        public var badRole: @Sendable (String) -> String
        public var badLogin: @Sendable (String) -> String
        public var badEmail: @Sendable (String) -> String
        public var notUTF8: String
        public var oneObjectPerLine: String
        public var malformedJSON: @Sendable (String) -> String
        public var unclosedQuote: String
        public var textAfterQuote: String
        public var quoteInField: String
        public var fieldCount: @Sendable (Int, Int) -> String
        public var emptyFile: String
        public var duplicateColumn: @Sendable (String) -> String
        public var noTypeColumn: String
        public var unknownColumnTypo: @Sendable (String, String) -> String
        public var ignoringColumns: @Sendable ([String]) -> String
        public var loginTaken: @Sendable (String, String) -> String
        public var emailTaken: @Sendable (String, String) -> String
        public var unknownPerson: @Sendable (String, String) -> String
        public var unknownPost: @Sendable (String) -> String
    }
}
