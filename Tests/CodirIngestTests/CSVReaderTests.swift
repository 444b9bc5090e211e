import Testing

@testable import CodirIngest

@Suite("CSV reader")
struct CSVReaderTests {
    func records(_ text: String) -> [CSVRecord] { Array(CSVReader(bytes: Array(text.utf8))) }

    @Test func splitsFieldsAndKeepsEmptyCells() {
        let rows = records("a,b,,d\n1,2,3,4\n")
        #expect(rows.map(\.fields) == [["a", "b", "", "d"], ["1", "2", "3", "4"]])
        #expect(rows.map(\.line) == [1, 2])
    }

    @Test func quotedFieldsWithCommasQuotesAndLineBreaks() {
        let text = "id,text\n1,\"Hello, \"\"world\"\"\nsecond line\"\n2,plain\n"
        let rows = records(text)
        #expect(rows[1].fields == ["1", "Hello, \"world\"\nsecond line"])
        #expect(rows[2].line == 4)  // the quoted line break counts
        #expect(CSVReader(bytes: Array(text.utf8)).text(of: rows[1]) == "1,\"Hello, \"\"world\"\"\nsecond line\"")
    }

    @Test func crlfBomAndBlankLines() {
        let rows = records("\u{FEFF}a,b\r\n\r\n1,2\r\n")
        #expect(rows.map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(rows.map(\.line) == [1, 3])
    }

    @Test func lastLineWithoutNewline() {
        #expect(records("a\n1").map(\.fields) == [["a"], ["1"]])
    }

    @Test func malformedRecordsAreFlaggedAndReadingGoesOn() {
        let rows = records("a,b\n1,x\"y\n\"2\"z,3\n4,5\n")
        #expect(rows[1].error?.contains("quote inside an unquoted field") == true)
        #expect(rows[2].error?.contains("after a closing quote") == true)
        #expect(rows[3].error == nil)
        #expect(rows[3].fields == ["4", "5"])
    }

    @Test func invalidUTF8IsFlagged() {
        let rows = Array(CSVReader(bytes: Array("a\n".utf8) + [0x66, 0xE9, 0x65, 0x0A]))
        #expect(rows[1].error?.contains("UTF-8") == true)
    }

    @Test func unclosedQuoteIsAnError() {
        #expect(records("a\n\"never closed\n").last?.error?.contains("not closed") == true)
    }
}

@Suite("SHA-256")
struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func knownVectors(input: String, digest: String) {
        #expect(SHA256.hex(of: Array(input.utf8)) == digest)
    }

    @Test func longInputAcrossManyBlocks() {
        let input = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(of: input) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
