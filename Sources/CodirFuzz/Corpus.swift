import CodirModel
import Foundation

/// The seeds the fuzzer mutates: one small, valid file of every input format codir reads.
public enum Corpus {
    /// The formats, as the fuzzer feeds them to the importers.
    public enum Format: String, Sendable, CaseIterable {
        case people, jsonl, csv, archiveZip = "archive-zip", archiveFolder = "archive-folder", xlsx, mbox
        case slack, vivaEngage = "viva-engage"
    }

    public static let people = """
        id,name,department,role,login,linkedin,email
        ceo,Claire Martin,Direction,leader,cmartin,https://www.linkedin.com/in/claire,claire@horizon.example
        cfo,Paul Durand,Finance,leader,,,paul@horizon.example;pd@horizon.example
        e1,Léa Roux,Sales,employee,lroux,,lea@horizon.example
        e2,"Haddad, Karim",Sales,employee,,,

        """

    /// An mbox of three messages: folded and encoded headers, a group, a comment, an escaped `From `.
    public static let mbox = """
        From claire@horizon.example Mon Nov  2 09:30:00 2026
        From: =?utf-8?q?Claire_Martin?= <claire@horizon.example>
        To: paul@horizon.example,
        \tlea@horizon.example (Léa)
        Date: Mon, 2 Nov 2026 09:30:00 +0100
        Message-ID: <m1@horizon.example>
        Subject: Budget

        Body
        >From the archives

        From paul@horizon.example Mon Nov  2 10:00:00 2026
        From: "Durand, Paul" <PD@horizon.example>
        To: undisclosed-recipients:;
        Cc: Team: claire@horizon.example, lea@horizon.example;
        Date: 2 Nov 2026 10:00 GMT

        Hi

        """

    /// A Slack export's files: users, a channel with a thread, reactions and mentions, and a DM.
    public static let slack: [(String, String)] = [
        (
            "users.json",
            #"[{"id":"U1","name":"claire","profile":{"email":"claire@horizon.example"}},{"id":"U2","name":"paul","profile":{"email":"paul@horizon.example"}},{"id":"U3","name":"lea","profile":{"email":"lea@horizon.example"}},{"id":"B1","name":"bot","is_bot":true,"profile":{}}]"#
        ),
        ("channels.json", #"[{"id":"C1","name":"general","members":["U1","U2","U3"]}]"#),
        ("dms.json", #"[{"id":"D1","members":["U1","U2"]}]"#),
        (
            "general/2026-11-02.json",
            #"[{"type":"message","user":"U1","text":"hi <@U2> <@U3|lea>","ts":"1762075800.000100","reactions":[{"name":"+1","users":["U2","U3"]}]},{"type":"message","user":"U2","text":"ok","ts":"1762075900.000100","thread_ts":"1762075800.000100","parent_user_id":"U1"},{"type":"message","subtype":"channel_join","user":"U3","ts":"1762076000.000100"}]"#
        ),
        ("D1/2026-11-02.json", #"[{"type":"message","user":"U1","text":"lunch?","ts":"1762076100.000100"}]"#),
    ]

    /// A Viva Engage export's files.
    public static let vivaEngage: [(String, String)] = [
        ("Users.csv", "id,name,email\n11,Claire,claire@horizon.example\n12,Paul,paul@horizon.example\n"),
        (
            "Messages.csv",
            "id,replied_to_id,thread_id,sender_id,sender_email,body,created_at,deleted_at\n100,,100,11,claire@horizon.example,\"Hi, all\",2026-11-02 09:00:00 UTC,\n101,100,100,12,paul@horizon.example,ok,2026-11-02T09:30:00Z,\n"
        ),
    ]

    public static let jsonl = """
        {"type":"post","id":"p1","author":"ceo","at":"2026-11-02T08:30:00+01:00","url":"https://www.linkedin.com/feed/update/urn:li:share:7391000000000000001"}
        {"type":"reaction","id":"r1","actor":"cfo","post":"p1","at":"2026-11-02T09:05:00+01:00"}
        {"type":"comment","id":"c1","actor":"e1","post":"p1","at":"2026-11-02T10:40:00Z"}
        {"type":"message","id":"m1","actor":"e1","target":"e2","at":"2026-11-03T10:00:00Z"}
        {"type":"stats","post":"p1","at":"2026-11-04T00:00:00Z","impressions":1200,"engagements":40}
        {"type":"daily","person":"ceo","day":"2026-11-02","impressions":900,"engagements":31,"new_followers":4}
        {"type":"followers","person":"ceo","at":"2026-11-04T00:00:00Z","count":8210}

        """

    public static let csv = """
        type,id,author,actor,post,target,at,network,url,impressions,engagements,person,day,new_followers,count
        post,p4,cfo,,,,2026-11-06T09:00:00+01:00,linkedin,,,,,,,
        reaction,r8,,ceo,p4,,2026-11-06T09:30:00+01:00,,,,,,,,
        mention,n1,,e2,,ceo,2026-11-06T10:00:00Z,,,,,,,,
        daily,,,,,,,,,1500,60,cfo,2026-11-06,3,

        """

    /// A member data archive's files (Claire Martin's), as LinkedIn writes them.
    public static let archive: [(String, String)] = [
        ("Profile.csv", "First Name,Last Name,Headline\nClaire,Martin,CEO\n"),
        (
            "Shares.csv",
            "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n2026-11-02 07:30:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7391000000000000009,\"\"\"Line one\"\"\n\"\"Line two\"\"\",,,MEMBER_NETWORK\n"
        ),
        ("Reactions.csv", "Date,Type,Link\n2026-11-03 08:00:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:7391000000000000100\n"),
        ("Comments.csv", "Date,Link,Message\n2026-11-03 09:00:00,https://www.linkedin.com/feed/update/urn:li:activity:7391000000000000200,\"Bravo \\\"team\\\"\"\n"),
        (
            "Connections.csv",
            "Notes:\n\"When exporting your connection data...\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nPaul,Durand,https://www.linkedin.com/in/paul,,Horizon,CFO,16 Jun 2026\n"
        ),
    ]

    /// A creator analytics workbook's sheets, as rows of cells (`nil`: empty; a `Double`: a number).
    public static var analytics: [(String, [[Any?]])] {
        [
        ("DISCOVERY", [["Overall Performance", "11/1/2026 - 11/30/2026"], ["Impressions", "2,537"], ["Members reached", 3210.0]]),
        ("ENGAGEMENT", [["Date", "Impressions", "Engagements"], ["11/1/2026", 1200.0, 40.0], [46327.0, "1,337", "41"]]),
        (
            "TOP POSTS",
            [
                ["Maximum of 50 posts"], [],
                ["Post URL", "Post publish date", "Engagements", nil, "Post URL", "Post Publish Date", "Impressions"],
                [
                    "https://www.linkedin.com/feed/update/urn:li:share:7391000000000000001", "11/2/2026", 77.0, nil,
                    "https://www.linkedin.com/feed/update/urn:li:share:7391000000000000001", "11/2/2026", 2410.0,
                ],
            ]
        ),
        ("FOLLOWERS", [["Total followers on 11/30/2026:", "8,210"], [], ["Date", "New followers"], ["11/1/2026", 12.0]]),
        ("DEMOGRAPHICS", [["Top Demographics", "Value", "Percentage"], ["Job titles", "Chef de projet", "12%"], ["Locations", "Lyon", 0.004]]),
        ]
    }

    /// The xlsx parts of `analytics`: workbook, relationships, shared strings and one part per sheet.
    public static func xlsxParts(_ sheets: [(String, [[Any?]])] = analytics) -> [(String, String)] {
        var shared: [String] = []
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
        }
        var parts: [(String, String)] = []
        var list = "", relationships = ""
        for (index, (name, rows)) in sheets.enumerated() {
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet><sheetData>"
            for (r, row) in rows.enumerated() {
                xml += "<row r=\"\(r + 1)\">"
                for (c, value) in row.enumerated() {
                    let reference = String(UnicodeScalar(UInt8(65 + c))) + "\(r + 1)"
                    if let number = value as? Double {
                        xml += "<c r=\"\(reference)\"><v>\(number)</v></c>"
                    } else if let text = value as? String {
                        let position = shared.firstIndex(of: text) ?? { shared.append(text); return shared.count - 1 }()
                        xml += "<c r=\"\(reference)\" t=\"s\"><v>\(position)</v></c>"
                    }
                }
                xml += "</row>"
            }
            parts.append(("xl/worksheets/sheet\(index + 1).xml", xml + "</sheetData></worksheet>"))
            list += "<sheet name=\"\(name)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
            relationships += "<Relationship Id=\"rId\(index + 1)\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        parts.append(("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns:r=\"r\"><sheets>\(list)</sheets></workbook>"))
        parts.append(("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships>\(relationships)</Relationships>"))
        parts.append((
            "xl/sharedStrings.xml",
            "<?xml version=\"1.0\"?><sst>" + shared.map { "<si><t>\(escaped($0))</t></si>" }.joined() + "</sst>"
        ))
        return parts
    }
}
