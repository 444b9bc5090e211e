import CodirModel
import CodirStore
import Foundation
import Testing

@testable import CodirIngest

/// The people CSV's `email` column: how chat and mail exports will find people in the directory.
@Suite("People's e-mail addresses")
struct PeopleEmailTests {
    func owner(of email: String, in store: Store) throws -> String? {
        try store.importFile(file: "probe", sha256: "", format: "probe", commit: false) { writer in
            writer.person(forEmail: email)
        }.result
    }

    @Test func addressesAreMatchedWhateverTheirCaseAndSeveralMayBeGiven() throws {
        let store = try Store.inMemory()
        let result = try importText(
            """
            id,name,department,role,email
            ceo,Claire Martin,Direction,leader, Claire.Martin@Horizon.example ; cm@horizon.example
            e1,Léa Roux,Sales,employee,lea.roux@horizon.example
            e2,Karim Haddad,Sales,employee,

            """, into: store, file: "people.csv")
        #expect(result.counts.imported == 3)
        #expect(try owner(of: "claire.martin@horizon.example", in: store) == "ceo")
        #expect(try owner(of: "CM@HORIZON.EXAMPLE", in: store) == "ceo")
        #expect(try owner(of: "lea.roux@horizon.example", in: store) == "e1")
        #expect(try owner(of: "nobody@horizon.example", in: store) == nil)
        // A file without the column keeps working, and leaves the addresses as they are.
        #expect(try importText(peopleCSV, into: store, file: "old.csv").counts.rejected == 0)
        #expect(try owner(of: "lea.roux@horizon.example", in: store) == "e1")
    }

    @Test func twoPeopleMayNotShareAnAddress() throws {
        let store = try Store.inMemory()
        let result = try importText(
            """
            id,name,department,role,email
            ceo,Claire Martin,Direction,leader,claire@horizon.example
            e1,Léa Roux,Sales,employee,lea@horizon.example;CLAIRE@horizon.example
            e2,Karim Haddad,Sales,employee,not an address

            """, into: store, file: "people.csv")
        let errors = result.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors.contains("people.csv:3: error: e-mail address 'claire@horizon.example' is also given to person 'ceo' on line 2"), "\(errors)")
        #expect(errors.contains { $0.hasPrefix("people.csv:4: error: bad e-mail address 'not an address'") }, "\(errors)")
        // Across files, the address's owner is named.
        let later = try importText(
            "id,name,department,role,email\ne3,Eva,Sales,employee,claire@horizon.example\n", into: store, file: "more.csv")
        #expect(later.diagnostics.map(\.description) == ["more.csv:2: error: e-mail address 'claire@horizon.example' already belongs to person 'ceo'"])
    }

    @Test func reImportingAPersonReplacesTheirAddresses() throws {
        let store = try Store.inMemory()
        _ = try importText("id,name,department,role,email\nceo,Claire,Direction,leader,old@horizon.example\n", into: store, file: "a.csv")
        let second = try importText("id,name,department,role,email\nceo,Claire,Direction,leader,new@horizon.example\n", into: store, file: "b.csv")
        #expect(second.counts.imported == 1)  // updated
        #expect(try owner(of: "old@horizon.example", in: store) == nil)
        #expect(try owner(of: "new@horizon.example", in: store) == "ceo")
        // The freed address may now go to someone else.
        let third = try importText("id,name,department,role,email\ne1,Léa,Sales,employee,old@horizon.example\n", into: store, file: "c.csv")
        #expect(third.counts.rejected == 0)
        let same = try importText("id,name,department,role,email\nceo,Claire,Direction,leader,NEW@horizon.example\n", into: store, file: "d.csv")
        #expect(same.counts.duplicates == 1)
    }
}
