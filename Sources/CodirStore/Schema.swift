import CodirModel
import GRDB

/// The database schema, as append-only named migrations. A shipped migration is never edited.
enum Schema {
    /// `PRAGMA application_id` of every codir database: "CODR".
    static let applicationID: Int32 = 0x434F_4452

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-foundation") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (
                        key TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL
                    );
                    CREATE TABLE departments (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE
                    );
                    CREATE TABLE people (
                        id INTEGER PRIMARY KEY,
                        key TEXT NOT NULL UNIQUE,
                        name TEXT NOT NULL,
                        department INTEGER NOT NULL REFERENCES departments(id),
                        role TEXT NOT NULL CHECK (role IN ('leader', 'employee')),
                        login TEXT,
                        linkedin TEXT
                    );
                    CREATE INDEX people_by_login ON people(login) WHERE login IS NOT NULL;
                    CREATE TABLE imports (
                        id INTEGER PRIMARY KEY,
                        file TEXT NOT NULL,
                        sha256 TEXT NOT NULL,
                        format TEXT NOT NULL,
                        accepted INTEGER NOT NULL DEFAULT 0,
                        duplicates INTEGER NOT NULL DEFAULT 0,
                        rejected INTEGER NOT NULL DEFAULT 0,
                        started_at INTEGER NOT NULL,
                        finished_at INTEGER
                    );
                    CREATE TABLE rejects (
                        id INTEGER PRIMARY KEY,
                        import INTEGER NOT NULL REFERENCES imports(id),
                        line INTEGER NOT NULL,
                        text TEXT NOT NULL,
                        reason TEXT NOT NULL
                    );
                    CREATE INDEX rejects_by_import ON rejects(import);
                    CREATE TABLE posts (
                        id INTEGER PRIMARY KEY,
                        key TEXT NOT NULL UNIQUE,
                        author INTEGER NOT NULL REFERENCES people(id),
                        at INTEGER NOT NULL,
                        network TEXT NOT NULL,
                        url TEXT,
                        source INTEGER REFERENCES imports(id)
                    );
                    CREATE INDEX posts_by_time ON posts(at);
                    CREATE INDEX posts_by_author ON posts(author, at);
                    CREATE TABLE interactions (
                        id INTEGER PRIMARY KEY,
                        event_id TEXT,
                        kind INTEGER NOT NULL,
                        actor INTEGER NOT NULL REFERENCES people(id),
                        target INTEGER NOT NULL REFERENCES people(id),
                        post INTEGER REFERENCES posts(id),
                        at INTEGER NOT NULL,
                        source INTEGER REFERENCES imports(id)
                    );
                    CREATE UNIQUE INDEX interactions_by_event_id ON interactions(event_id)
                        WHERE event_id IS NOT NULL;
                    CREATE UNIQUE INDEX interactions_by_identity
                        ON interactions(actor, at, kind, target, ifnull(post, 0))
                        WHERE event_id IS NULL;
                    -- Covers the window reads: they never touch the table itself.
                    CREATE INDEX interactions_by_time ON interactions(at, actor, target, kind, post);
                    CREATE INDEX interactions_by_post ON interactions(post) WHERE post IS NOT NULL;
                    CREATE TABLE post_stats (
                        post INTEGER NOT NULL REFERENCES posts(id),
                        at INTEGER NOT NULL,
                        impressions INTEGER NOT NULL,
                        engagements INTEGER,
                        source INTEGER REFERENCES imports(id),
                        PRIMARY KEY (post, at)
                    ) WITHOUT ROWID;
                    CREATE TABLE daily_stats (
                        person INTEGER NOT NULL REFERENCES people(id),
                        day INTEGER NOT NULL,
                        impressions INTEGER,
                        engagements INTEGER,
                        new_followers INTEGER,
                        source INTEGER REFERENCES imports(id),
                        PRIMARY KEY (person, day)
                    ) WITHOUT ROWID;
                    CREATE INDEX daily_stats_by_day ON daily_stats(day);
                    CREATE TABLE follower_snapshots (
                        person INTEGER NOT NULL REFERENCES people(id),
                        at INTEGER NOT NULL,
                        count INTEGER NOT NULL,
                        source INTEGER REFERENCES imports(id),
                        PRIMARY KEY (person, at)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v2-linkedin-archives") { db in
            try db.execute(
                sql: """
                    -- The numeric id of a post's share or ugcPost URN, for matching LinkedIn's activity ids.
                    ALTER TABLE posts ADD COLUMN linkedin_id INTEGER;
                    CREATE INDEX posts_by_linkedin_id ON posts(linkedin_id) WHERE linkedin_id IS NOT NULL;
                    -- Reactions and comments from members' archives whose post is not known yet: they are
                    -- matched, and become interactions, when an archive brings the post.
                    CREATE TABLE pending_interactions (
                        id INTEGER PRIMARY KEY,
                        actor INTEGER NOT NULL REFERENCES people(id),
                        kind INTEGER NOT NULL,
                        activity_id INTEGER NOT NULL,
                        at INTEGER NOT NULL,
                        source INTEGER REFERENCES imports(id),
                        UNIQUE (actor, kind, activity_id, at)
                    );
                    """)
        }
        migrator.registerMigration("v3-creator-analytics") { db in
            try db.execute(
                sql: """
                    -- Audience and content demographics from creator analytics exports, for the leader detail.
                    CREATE TABLE demographics (
                        person INTEGER NOT NULL REFERENCES people(id),
                        as_of INTEGER NOT NULL,
                        sheet TEXT NOT NULL,
                        category TEXT NOT NULL,
                        value TEXT NOT NULL,
                        percentage TEXT NOT NULL,
                        source INTEGER REFERENCES imports(id),
                        PRIMARY KEY (person, as_of, sheet, category, value)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v4-emails") { db in
            try db.execute(
                sql: """
                    -- The directory's e-mail addresses (lower-cased), to match chat and mail exports to people.
                    -- An address belongs to one person.
                    CREATE TABLE person_emails (
                        email TEXT PRIMARY KEY NOT NULL,
                        person INTEGER NOT NULL REFERENCES people(id)
                    ) WITHOUT ROWID;
                    CREATE INDEX person_emails_by_person ON person_emails(person);
                    -- Where each interaction came from (InteractionSource.code): 0 the canonical events,
                    -- 1 LinkedIn archives, 2 Slack, 3 e-mail, 4 Viva Engage.
                    ALTER TABLE interactions ADD COLUMN origin INTEGER NOT NULL DEFAULT 0;
                    UPDATE interactions SET origin = 1
                        WHERE source IN (SELECT id FROM imports WHERE format = 'linkedin-archive');
                    """)
        }
        migrator.registerMigration("v5-post-aliases") { db in
            try db.execute(
                sql: """
                    -- Every other key a post is known by: its LinkedIn URNs (share, ugcPost, activity, with the
                    -- numeric id) and the keys of the rows merged into it (PostIdentity).
                    CREATE TABLE post_aliases (
                        key TEXT PRIMARY KEY NOT NULL,
                        post INTEGER NOT NULL REFERENCES posts(id),
                        linkedin_id INTEGER
                    ) WITHOUT ROWID;
                    CREATE INDEX post_aliases_by_post ON post_aliases(post);
                    CREATE INDEX post_aliases_by_linkedin_id ON post_aliases(linkedin_id) WHERE linkedin_id IS NOT NULL;
                    """)
            try PostIdentity.migrate(db)
        }
        migrator.registerMigration("v6-coverage") { db in
            let format = """
                CASE i.format WHEN 'linkedin-archive' THEN 0 WHEN 'linkedin-analytics' THEN 1 WHEN 'slack' THEN 3
                    WHEN 'email' THEN 4 WHEN 'viva-engage' THEN 5 ELSE 2 END
                """
            let origin = "CASE origin WHEN 1 THEN 0 WHEN 2 THEN 3 WHEN 3 THEN 4 WHEN 4 THEN 5 ELSE 2 END"
            try db.execute(
                sql: """
                    -- What each source holds about each person (DataSource.code): the period its records cover,
                    -- how many, and the last import that named them. Kept by the writers, for the Data view.
                    CREATE TABLE coverage (
                        person INTEGER NOT NULL REFERENCES people(id),
                        source INTEGER NOT NULL,
                        first_at INTEGER NOT NULL,
                        last_at INTEGER NOT NULL,
                        records INTEGER NOT NULL,
                        last_import INTEGER REFERENCES imports(id),
                        PRIMARY KEY (person, source)
                    ) WITHOUT ROWID;
                    INSERT INTO coverage(person, source, first_at, last_at, records, last_import)
                    SELECT person, source, min(at), max(at), count(*), max(import) FROM (
                        SELECT p.author AS person, \(format) AS source, p.at AS at, p.source AS import
                            FROM posts p LEFT JOIN imports i ON i.id = p.source
                        UNION ALL SELECT actor, \(origin), at, source FROM interactions
                        UNION ALL SELECT target, \(origin), at, source FROM interactions WHERE origin <> 1 AND target <> actor
                        UNION ALL SELECT p.author, \(format), s.at, s.source
                            FROM post_stats s JOIN posts p ON p.id = s.post LEFT JOIN imports i ON i.id = s.source
                        UNION ALL SELECT d.person, \(format), d.day * 86400 + 43200, d.source
                            FROM daily_stats d LEFT JOIN imports i ON i.id = d.source WHERE typeof(d.day) = 'integer'
                        UNION ALL SELECT f.person, \(format), f.at, f.source
                            FROM follower_snapshots f LEFT JOIN imports i ON i.id = f.source
                    ) WHERE typeof(at) = 'integer' AND at BETWEEN \(Bounds.seconds.lowerBound) AND \(Bounds.seconds.upperBound)
                    GROUP BY person, source;
                    """)
        }
        migrator.registerMigration("v7-department-variants") { db in
            // Department names compare trimmed and without regard to case or accents (`Person.departmentKey`):
            // the variants older databases hold become the first spelling imported.
            var kept: [String: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM departments ORDER BY id") {
                let id: Int64 = row[0]
                let key = Person.departmentKey((row[1] as String?) ?? "")
                if let first = kept[key] {
                    try db.execute(sql: "UPDATE people SET department = ? WHERE department = ?", arguments: [first, id])
                    try db.execute(sql: "DELETE FROM departments WHERE id = ?", arguments: [id])
                } else {
                    kept[key] = id
                }
            }
        }
        migrator.registerMigration("v8-change-counts") { db in
            // Viewers read only the rows appended since their last read (issue 11); any other change, by codir or
            // by another program, bumps `rewrites`, and a viewer that sees it move reads everything again.
            // Unchanged upserts (a post or a person imported again) are not changes. `counters` tells them when to
            // read the small tables again.
            try db.execute(sql: Schema.changeCounts(excluding: Schema.influenceTriggers))
            // As v8 made it; v10 makes it watch the hashtags too.
            try db.execute(
                sql: """
                    CREATE TRIGGER live_posts_updated AFTER UPDATE OF author, at, url ON posts
                    WHEN OLD.author IS NOT NEW.author OR OLD.at IS NOT NEW.at OR OLD.url IS NOT NEW.url
                    BEGIN UPDATE changes SET rewrites = rewrites + 1; END;
                    """)
        }
        migrator.registerMigration("v9-daily-covering-index") { db in
            // A live viewer reads the window's daily rows again each time a counter changes: from an index that
            // holds their values, it reads them in day order without a lookup in the table for each (a year of
            // forty leaders' days: 2 ms instead of 12).
            try db.execute(
                sql: """
                    DROP INDEX daily_stats_by_day;
                    CREATE INDEX daily_stats_by_day ON daily_stats(day, person, impressions, engagements, new_followers);
                    """)
        }
        migrator.registerMigration("v10-influence") { db in
            // Issue 12: posts carry their hashtags (normalised, separated by spaces; NULL when the source said
            // nothing of them), and press coverage is kept as its date, outlet, title, link, audience and the
            // people it mentions: never its summary.
            try db.execute(
                sql: """
                    ALTER TABLE posts ADD COLUMN hashtags TEXT;
                    CREATE TABLE press_items (
                        id INTEGER PRIMARY KEY,
                        key TEXT NOT NULL UNIQUE,
                        at INTEGER NOT NULL,
                        outlet TEXT NOT NULL,
                        title TEXT NOT NULL,
                        url TEXT,
                        audience INTEGER,
                        source INTEGER REFERENCES imports(id)
                    );
                    CREATE INDEX press_items_by_time ON press_items(at);
                    CREATE TABLE press_mentions (
                        item INTEGER NOT NULL REFERENCES press_items(id) ON DELETE CASCADE,
                        person INTEGER NOT NULL REFERENCES people(id),
                        PRIMARY KEY (item, person)
                    ) WITHOUT ROWID;
                    CREATE INDEX press_mentions_by_person ON press_mentions(person);
                    DROP TRIGGER live_posts_updated;
                    """)
            for name in Schema.influenceTriggers {
                guard let trigger = Schema.changeTriggers[name] else { continue }
                try db.execute(
                    sql: "CREATE TRIGGER \(name) \(trigger.when) BEGIN UPDATE changes SET \(trigger.count) = \(trigger.count) + 1; END;")
            }
        }
        return migrator
    }

    /// The triggers migration v10 (re)creates: a post's hashtags changed is a rewrite, the press tables are small
    /// tables read whole.
    static let influenceTriggers: [String] =
        ["live_posts_updated"]
        + ["press_items", "press_mentions"].flatMap { table in
            ["insert", "update", "delete"].map { "live_\(table)_\($0)" }
        }

    /// The `changes` counts and the triggers that keep them (migration v8): `rewrites` moves with any change that
    /// is not an append, `counters` with any change of the small tables a live reader reads whole (daily totals,
    /// post counters, follower counts, demographics).
    static let changeTriggers: [String: (when: String, count: String)] = {
        var triggers: [String: (when: String, count: String)] = [
            "live_interactions_updated": ("AFTER UPDATE ON interactions", "rewrites"),
            "live_interactions_deleted": ("AFTER DELETE ON interactions", "rewrites"),
            // A link found later (a LinkedIn archive after the events) is shown by the next full read.
            "live_posts_updated": (
                """
                AFTER UPDATE OF author, at, url, hashtags ON posts
                WHEN OLD.author IS NOT NEW.author OR OLD.at IS NOT NEW.at OR OLD.url IS NOT NEW.url
                    OR OLD.hashtags IS NOT NEW.hashtags
                """, "rewrites"
            ),
            "live_posts_deleted": ("AFTER DELETE ON posts", "rewrites"),
            "live_people_inserted": ("AFTER INSERT ON people", "rewrites"),
            "live_people_updated": (
                """
                AFTER UPDATE ON people WHEN OLD.key IS NOT NEW.key OR OLD.name IS NOT NEW.name
                    OR OLD.department IS NOT NEW.department OR OLD.role IS NOT NEW.role OR OLD.login IS NOT NEW.login
                    OR OLD.linkedin IS NOT NEW.linkedin
                """, "rewrites"
            ),
            "live_people_deleted": ("AFTER DELETE ON people", "rewrites"),
            "live_departments_updated": ("AFTER UPDATE ON departments", "rewrites"),
            "live_departments_deleted": ("AFTER DELETE ON departments", "rewrites"),
        ]
        for table in ["post_stats", "daily_stats", "follower_snapshots", "demographics", "press_items", "press_mentions"] {
            for event in ["INSERT", "UPDATE", "DELETE"] {
                triggers["live_\(table)_\(event.lowercased())"] = ("AFTER \(event) ON \(table)", "counters")
            }
        }
        return triggers
    }()

    /// The `changes` table and its triggers as migration v8 made them, but for those later migrations make
    /// (`excluding`).
    static func changeCounts(excluding later: [String]) -> String {
        """
        CREATE TABLE changes (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            rewrites INTEGER NOT NULL,
            counters INTEGER NOT NULL
        );
        INSERT INTO changes(id, rewrites, counters) VALUES (1, 0, 0);
        """
            + changeTriggers.filter { !later.contains($0.key) }.sorted { $0.key < $1.key }.map { name, trigger in
                "CREATE TRIGGER \(name) \(trigger.when) BEGIN UPDATE changes SET \(trigger.count) = \(trigger.count) + 1; END;"
            }.joined(separator: "\n")
    }
}
