import CodirModel

extension Strings {
    /// Reading files, archives and workbooks, and the inbox of `codir ingest --watch` (reasons follow `FILE: error:`).
    public struct Files: Sendable {
        public var cannotRead: @Sendable (String) -> String
        public var noSuchFile: String
        public var permissionDenied: String
        public var symbolicLink: String
        public var socketOrDevice: String
        public var cannotExamine: String
        public var notRegular: @Sendable (String) -> String
        public var kindFolder: String
        public var kindLink: String
        public var kindFIFO: String
        public var kindSocket: String
        public var kindDevice: String
        public var kindOther: String
        public var tooBig: @Sendable (UInt64, UInt64) -> String
        public var grew: @Sendable (UInt64) -> String
        public var cannotBeReadAnyMore: String
        public var folderCannotBeOpened: String
        public var folderCannotBeListed: String
        public var noSuchFileInExport: String
        public var notUTF8File: String
        public var notUTF8Text: String
        public var unrecognisedFormat: String
        public var unrecognisedEvents: String
        public var peopleHeaderLacks: @Sendable (String, String?) -> String
        public var hintFor: @Sendable (String, String) -> String
        public var emailAlsoGiven: @Sendable (String, String, Int) -> String
        public var notJSONObject: String
        public var anArray: String
        public var anObject: String
        public var notZip: String
        public var notZipDownloadAgain: String
        public var tooManyEntries: @Sendable (Int) -> String
        public var entryTooBig: @Sendable (String, UInt64, UInt64) -> String
        public var zipBomb: @Sendable (String, UInt64) -> String
        public var archiveTooBig: @Sendable (UInt64) -> String
        public var moreThanDeclared: @Sendable (String) -> String
        public var cannotExtract: @Sendable (String) -> String
        public var tooManyFiles: @Sendable (Int) -> String
        public var notXLSX: String
        public var noWorkbook: String
        public var partNotUTF8: @Sendable (String) -> String
        public var partDTD: @Sendable (String) -> String
        public var partNotXML: @Sendable (String) -> String
        public var workbookTooManyCells: @Sendable (Int) -> String
        public var partRefused: @Sendable (String, String) -> String
        public var rowNumber: @Sendable (String, Int) -> String
        public var tooManyRows: @Sendable (Int) -> String
        public var cellBeyond: @Sendable (String, Int) -> String
        public var tooManyColumns: @Sendable (Int, Int) -> String
        public var sharedIndex: @Sendable (String, Int, Int) -> String
        public var tooManyCells: @Sendable (Int) -> String
        public var inboxNotFolder: @Sendable (String) -> String
        public var inboxCannotCreate: @Sendable (String, String) -> String
        public var inboxNotRealFolder: @Sendable (String) -> String
        public var inboxReplaced: @Sendable (String) -> String
        public var neverOpened: @Sendable (String) -> String
        public var insideNeverOpened: @Sendable (String, String) -> String
        public var insideCannotExamine: @Sendable (String) -> String
        public var cannotOpenAsFolder: String
        public var databaseBusy: String
        public var databaseFull: String
        public var databaseRefused: String
        public var couldNotImport: String
        public var staysInProcessing: @Sendable (String, String) -> String
        public var changedWhileImported: @Sendable (String) -> String
        public var importedAndRemoved: @Sendable (String) -> String
        public var cannotRemove: @Sendable (String, String) -> String
        public var keepsChanging: @Sendable (String) -> String
        public var filed: @Sendable (String, String, String?, String?) -> String
        public var cannotMove: @Sendable (String, String, String) -> String
        public var stoppedDuringImport: String
        public var retentionRemoved: @Sendable (Int, Int) -> String
    }

    /// What the importers of LinkedIn archives and analytics, mail, Slack, Viva Engage and press feeds say (after `FILE:LINE: error:`), and their summaries.
    public struct Sources: Sendable {
        public var archiveHead: @Sendable (String, String, Int) -> String
        public var alreadyImported: @Sendable (Int) -> String
        public var knownFromAnalytics: @Sendable (Int) -> String
        public var engagement: @Sendable (Int, Int, Int) -> String
        public var alreadyImportedComma: @Sendable (Int) -> String
        public var reactionsAndComments: @Sendable (String, String) -> String
        public var reactionsToComments: @Sendable (Int) -> String
        public var earlierMatched: @Sendable (Int) -> String
        public var connections: @Sendable (Int, Int, Int, Int) -> String
        public var filesUsed: @Sendable (String, Int) -> String
        public var utf16: String
        public var noHeaderStarting: @Sendable (String) -> String
        public var columnsMissing: @Sendable (String, String) -> String
        public var profileNoRow: String
        public var badArchiveDate: @Sendable (String) -> String
        public var noPostURN: @Sendable (String) -> String
        public var noURN: @Sendable (String) -> String
        public var notLinkedInArchive: String
        public var personNotInDirectory: @Sendable (String) -> String
        public var noProfile: String
        public var nobodyNamed: @Sendable (String) -> String
        public var severalNamed: @Sendable (Int, String, String) -> String
        public var analyticsHead: @Sendable (String, String, String?) -> String
        public var range: @Sendable (String, String) -> String
        public var analyticsCounts: @Sendable (Int, Int, Int) -> String
        public var withoutImpressions: @Sendable (Int) -> String
        public var knownFromArchive: @Sendable (Int) -> String
        public var demographics: @Sendable (Int) -> String
        public var unchanged: @Sendable (Int) -> String
        public var rangeImpressions: @Sendable (Int64) -> String
        public var membersReached: @Sendable (Int64) -> String
        public var outsideRangeLeftOut: @Sendable (Int) -> String
        public var datesReadAs: @Sendable (String, String, String) -> String
        public var enUSDefault: String
        public var mixedOrders: @Sendable (String, String) -> String
        public var onlyDayFirst: @Sendable (String) -> String
        public var onlyMonthFirst: @Sendable (String) -> String
        public var rangeMatchesFileName: String
        public var rowsFollowDayFirst: String
        public var rowsFollowMonthFirst: String
        public var nothingImported: @Sendable (String) -> String
        public var noOneMatchesFileName: String
        public var severalMatchFileName: @Sendable (Int) -> String
        public var notACount: @Sendable (String, String) -> String
        public var cellNotACount: @Sendable (String) -> String
        public var badDate: @Sendable (String) -> String
        public var badDateInTotal: @Sendable (String) -> String
        public var daysAddUp: @Sendable (Int64, Int64) -> String
        public var sheetMissing: String
        public var badRow: String
        public var outsideRangeWarning: @Sendable (Int, String) -> String
        public var noPostURLHeader: String
        public var noHeaderRow: @Sendable (String) -> String
        public var columnMissing: @Sendable (String) -> String
        public var notRead: @Sendable (String) -> String
        public var noFrom: String
        public var noDate: String
        public var notSlack: String
        public var notJSON: String
        public var notMessages: String
        public var notVivaEngage: String
        public var badTime: @Sendable (String, String) -> String
        public var pressColumnsMissing: @Sendable (String) -> String
        public var badPressDate: @Sendable (String) -> String
        public var badAddress: @Sendable (String) -> String
        public var badAudience: @Sendable (String) -> String
        public var notAFeed: @Sendable (String) -> String
        public var notWellFormed: @Sendable (Int, String?) -> String
        public var itemWithoutTitle: String
        public var itemWithoutDate: String
        public var tooManyItems: @Sendable (Int) -> String
    }

    /// What the commands say beside the screens and reports: option errors, codir forget, backup, simulate and demo, the database's reasons and the configuration file's errors.
    public struct Commands: Sendable {
        public var followOrWatch: String
        public var between: @Sendable (String, String, String) -> String
        public var betweenSeconds: @Sendable (String, String, String) -> String
        public var aboveZeroAtMost: @Sendable (String, String) -> String
        public var aboveZero: @Sendable (String) -> String
        public var namePerson: String
        public var giveFile: String
        public var formatNotOne: @Sendable (String, String) -> String
        public var asOfOutside: @Sendable (String) -> String
        public var asOfNotTime: @Sendable (String) -> String
        public var notASource: @Sendable (String, String) -> String
        public var sourceNeedsOne: String
        public var forgotInteraction: Noun
        public var forgotPost: Noun
        public var forgotPostCounter: Noun
        public var forgotDailyRow: Noun
        public var forgotFollowerCount: Noun
        public var forgotDemographics: Noun
        public var forgotAddress: Noun
        public var forgotWaiting: Noun
        public var forgotRejected: Noun
        public var forgotFileName: Noun
        public var forgotPressItem: Noun
        public var forgetSummary: @Sendable (String, String, [String]) -> String
        public var wouldRemove: @Sendable (String) -> String
        public var removed: @Sendable (String) -> String
        public var nothingRemoved: String
        public var readerHoldsPages: String
        public var backedUp: @Sendable (String, String, Int64) -> String
        public var backupExists: String
        public var folderMissing: @Sendable (String) -> String
        public var folderMissingTypo: @Sendable (String) -> String
        public var folderCannotBeCreated: @Sendable (String) -> String
        public var schemaOlder: String
        public var sqliteCannotOpen: String
        public var readOnlyForUser: String
        public var simulated: @Sendable (Int, String) -> String
        public var demoBuilt: @Sendable (String, UInt64, String, String) -> String
        public var demoUpdated: @Sendable (String, String) -> String
        public var cannotWriteRejects: @Sendable (String) -> String
        public var noConfiguration: @Sendable (String) -> String
        public var configurationUnreadable: @Sendable (String) -> String
        public var configurationTooLarge: @Sendable (String) -> String
        public var configurationNotUTF8: @Sendable (String) -> String
        public var notTOML: @Sendable (String, String) -> String
        public var didYouMean: @Sendable (String) -> String
        public var unknownKey: @Sendable (String, String, String, String) -> String
        public var orWord: String
        public var visibilityOneOf: @Sendable (String, String) -> String
        public var groupSizeRange: @Sendable (String, Int) -> String
        public var daysRange: @Sendable (String, String, Int) -> String
        public var contactText: @Sendable (String) -> String
        public var languageValue: @Sendable (String) -> String
        public var adminsList: @Sendable (String) -> String
        public var adminNotLogin: @Sendable (String, String) -> String
        public var valueTable: @Sendable (String) -> String
        public var unknownValueKey: @Sendable (String, String, String) -> String
        public var rateRange: @Sendable (String, String, String) -> String
        public var currencyCode: @Sendable (String) -> String
        public var notTheDemo: String
        public var noPeopleToSimulate: String
    }

    /// What `--help` says of each command and option (the words of the parser itself, `USAGE:`, `OPTIONS:`, are swift-argument-parser's).
    public struct Help: Sendable {
        public var backupAbstract: String
        public var backupDiscussion: String
        public var backupDestination: String
        public var codirAbstract: String
        public var codirDiscussion: String
        public var dashNoColor: String
        public var dashAscii: String
        public var dashRefresh: String
        public var dashAbstract: String
        public var dashDiscussion: String
        public var demoAbstract: String
        public var demoDiscussion: String
        public var demoDb: String
        public var demoSeed: String
        public var demoReset: String
        public var demoRate: String
        public var demoFormat: String
        public var demoLang: String
        public var exportAbstract: String
        public var exportDiscussion: String
        public var exportPerson: String
        public var forgetAbstract: String
        public var forgetDiscussion: String
        public var forgetDryRun: String
        public var forgetPeople: String
        public var globalOptionsDb: String
        public var globalOptionsLang: String
        public var importAbstract: String
        public var importDiscussion: String
        public var importFormat: String
        public var importDryRun: String
        public var importRejects: String
        public var importOrganisation: String
        public var importPerson: String
        public var importMaxRecipients: String
        public var importFiles: String
        public var ingestAbstract: String
        public var ingestDiscussion: String
        public var ingestFollow: String
        public var ingestWatch: String
        public var ingestInterval: String
        public var ingestPerson: String
        public var ingestSettle: String
        public var ingestMaxRecipients: String
        public var ingestKeep: String
        public var meAbstract: String
        public var meDiscussion: String
        public var meAsLogin: String
        public var reportWindow: String
        public var reportAsOf: String
        public var reportAbstract: String
        public var reportDiscussion: String
        public var reportFormat: String
        public var reportTable: String
        public var reportBridges: String
        public var reportSource: String
        public var simulateAbstract: String
        public var simulateDiscussion: String
        public var simulateRate: String
        public var simulateSeed: String
        public var simulateDuration: String
        public var statusAbstract: String
        public var statusDiscussion: String
        public var statusFormat: String
        public var viewerOptionsConfig: String
        public var wallAbstract: String
        public var wallDiscussion: String
        public var wallRotate: String
    }
}
