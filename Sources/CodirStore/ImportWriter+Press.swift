import CodirModel
import CodirText
import Foundation
import GRDB

/// A press item as the store keeps it: its identity (`key`: its address, or its outlet, title and day), date,
/// outlet, title, link, audience, and the directory ids of the people it mentions. Never its summary.
public struct PressItem: Sendable, Hashable {
    public var key: String
    public var at: Timestamp
    public var outlet: String
    public var title: String
    public var url: String?
    public var audience: Int64?
    public var people: [String]

    public init(key: String, at: Timestamp, outlet: String, title: String, url: String?, audience: Int64?, people: [String]) {
        self.key = key
        self.at = at
        self.outlet = outlet
        self.title = title
        self.url = url
        self.audience = audience
        self.people = people
    }
}

extension ImportWriter {
    /// The leaders' directory ids and full names, to find them in press items.
    public func leaderNames() throws -> [(id: String, name: String)] {
        try Row.fetchAll(db, sql: "SELECT key, name FROM people WHERE role = 'leader' ORDER BY id").map { ($0[0], $0[1]) }
    }

    /// Whether `key` is a person of the directory.
    public func knows(person key: String) -> Bool { people[key] != nil }

    /// Stores a press item, or adds to the one already kept under its key: the people it mentions are the union of
    /// both, an audience given replaces one unknown; the first date, outlet and title stay. A person it names who
    /// is not in the directory rejects it.
    public func write(press item: PressItem) throws -> Result<WriteOutcome, RecordRejection> {
        var rows: [Int64] = []
        for key in item.people {
            switch personRow(key, as: "people") {
            case .success(let row): if !rows.contains(row) { rows.append(row) }
            case .failure(let rejection): return .failure(rejection)
            }
        }
        if let problem = Bounds.problem(item.at, field: "date") { return .failure(RecordRejection(problem)) }
        if let audience = item.audience, let problem = Bounds.problem(count: audience, field: "audience") {
            return .failure(RecordRejection(problem))
        }
        let existing = try Row.fetchOne(db, sql: "SELECT id, audience FROM press_items WHERE key = ?", arguments: [item.key])
        let id: Int64
        var outcome: WriteOutcome
        if let existing {
            id = existing[0]
            let audience: Int64? = existing[1]
            outcome = .duplicate
            if audience == nil, let given = item.audience {
                try db.execute(sql: "UPDATE press_items SET audience = ? WHERE id = ?", arguments: [given, id])
                outcome = .updated
            }
        } else {
            try db.execute(
                sql: "INSERT INTO press_items(key, at, outlet, title, url, audience, source) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [item.key, item.at.seconds, item.outlet, item.title, item.url, item.audience, importID])
            id = db.lastInsertedRowID
            outcome = .inserted
        }
        for row in rows {
            try db.execute(sql: "INSERT OR IGNORE INTO press_mentions(item, person) VALUES (?, ?)", arguments: [id, row])
            if db.changesCount > 0 && outcome == .duplicate { outcome = .updated }
        }
        return count(.success(outcome))
    }
}
