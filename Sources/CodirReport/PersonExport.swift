import CodirModel


/// Everything codir holds about one person, as JSON: what `codir export PERSON` prints for their right of
/// access. Metadata only, as stored: who, whom, when, kind, source; never any content.
public enum PersonExport {
    public static func json(_ records: PersonRecords, organisation: String, exportedAt: Timestamp) -> String {
        let person = records.person
        let root: JSONValue = .object([
            ("organisation", .string(organisation)),
            ("exported_at", .string(exportedAt.iso8601)),
            (
                "person",
                .object([
                    ("id", .string(person.id)), ("name", .string(person.name)), ("department", .string(person.department)),
                    ("role", .string(person.role.rawValue)), ("login", person.login.map { .string($0) } ?? .null),
                    ("linkedin", person.linkedin.map { .string($0) } ?? .null),
                    ("emails", .array(records.emails.map { .string($0) })),
                ])
            ),
            (
                "interactions",
                .array(records.interactions.map { i in
                    .object([
                        ("kind", .string(i.kind.rawValue)), ("actor", .string(i.actor)), ("target", .string(i.target)),
                        ("at", .string(i.at.iso8601)), ("source", .string(i.source.rawValue)),
                        ("post", i.post.map { .string($0) } ?? .null),
                    ])
                })
            ),
            (
                "posts",
                .array(records.posts.map { p in
                    .object([("id", .string(p.key)), ("at", .string(p.at.iso8601)), ("url", p.url.map { .string($0) } ?? .null)])
                })
            ),
            (
                "post_counters",
                .array(records.postCounters.map { c in
                    .object([
                        ("post", .string(c.post)), ("at", .string(c.at.iso8601)), ("impressions", .int64(c.impressions)),
                        ("engagements", .int64(c.engagements)),
                    ])
                })
            ),
            (
                "daily",
                .array(records.daily.map { d in
                    .object([
                        ("day", .string(d.day.iso8601)), ("impressions", .int64(d.impressions)),
                        ("engagements", .int64(d.engagements)), ("new_followers", .int64(d.newFollowers)),
                    ])
                })
            ),
            (
                "followers",
                .array(records.followers.map { f in .object([("at", .string(f.at.iso8601)), ("count", .int64(f.count))]) })
            ),
            (
                "demographics",
                .array(records.demographics.map { d in
                    .object([
                        ("as_of", .string(d.asOf.iso8601)), ("sheet", .string(d.sheet)), ("category", .string(d.category)),
                        ("value", .string(d.value)), ("percentage", .string(d.percentage)),
                    ])
                })
            ),
        ])
        var out = ""
        root.write(to: &out, indent: 0)
        return out + "\n"
    }
}
