import CodirModel
import CodirStore
import CodirTestSupport
import Foundation
import Testing

@testable import CodirIngest

private let pressPeople = """
    id,name,department,role
    emilie,Émilie Rousseau,Direction,leader
    paul,Paul Durand,Finance,leader
    karim,Karim Benali,Sales,employee

    """

/// Google Alerts' Atom shape: redirect links, HTML titles with `<b>` and entities, a summary.
private let alertsAtom = """
    <?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom" xmlns:idx="urn:atom-extension:indexing">
      <id>tag:google.com,2005:reader/user/00000000000000000000/state/com.google/alert/1</id>
      <title>Google Alert - Horizon</title>
      <updated>2026-11-30T08:20:00Z</updated>
      <entry>
        <id>tag:google.com,2013:googlealerts/feed:1</id>
        <title type="html">&lt;b&gt;EMILIE ROUSSEAU&lt;/b&gt; : l&amp;#39;industrie doit se transformer</title>
        <link href="https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://www.lesechos.fr/industrie/rousseau-interview&amp;ct=ga&amp;cd=CAIyGg&amp;usg=AOvVaw0" />
        <published>2026-11-30T07:00:00Z</published>
        <updated>2026-11-30T07:00:00Z</updated>
        <content type="html">Selon &lt;b&gt;Émilie Rousseau&lt;/b&gt;, directrice générale…</content>
        <author><name></name></author>
      </entry>
      <entry>
        <id>tag:google.com,2013:googlealerts/feed:2</id>
        <title type="html">Emilie Rousseaux expose à Lyon</title>
        <link href="https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://www.leprogres.fr/culture/expo&amp;ct=ga" />
        <published>2026-11-29T10:00:00Z</published>
        <content type="html">Une peintre lyonnaise.</content>
      </entry>
    </feed>

    """

/// RSS 2.0 from a monitoring service: the same article as the Atom feed, and one naming two leaders.
private let monitoringRSS = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0">
      <channel>
        <title>Veille presse Horizon</title>
        <item>
          <title>L'industrie doit se transformer, dit Emilie Rousseau</title>
          <link>https://www.lesechos.fr/industrie/rousseau-interview</link>
          <pubDate>Mon, 30 Nov 2026 07:00:00 GMT</pubDate>
          <source url="https://www.lesechos.fr">Les Echos</source>
        </item>
        <item>
          <title><![CDATA[Horizon : <i>Paul Durand</i> et émilie rousseau présentent le plan]]></title>
          <link>https://www.usinenouvelle.com/horizon-plan</link>
          <description>Le comité de direction…</description>
          <pubDate>Fri, 27 Nov 2026 16:30:00 +0100</pubDate>
        </item>
        <item>
          <title>Un article sans date</title>
          <link>https://example.com/x</link>
        </item>
      </channel>
    </rss>

    """

@Suite("Press coverage and hashtags")
struct PressImportTests {
    @Test func hashtagsAreLettersAndDigitsComparedWithoutCaseOrAccents() {
        #expect(
            Hashtag.extract(from: "Fiers de #Transformation avec l'#Équipe ! #équipe #IA2026, C#, ##x, #-no #")
                == ["transformation", "equipe", "ia2026", "x"])
        #expect(Hashtag.normalised("#ÉQUIPE") == "equipe")
        #expect(Hashtag.normalised("two words") == nil)
        #expect(Hashtag.normalised("#") == nil)
    }

    @Test func fullNamesMatchAsWholeWordsWithoutCaseOrAccents() {
        let matcher = NameMatcher(people: [("emilie", "Émilie Rousseau"), ("paul", "Paul Durand"), ("solo", "Cher")])
        #expect(matcher.people(in: ["EMILIE ROUSSEAU a dit"]) == ["emilie"])
        #expect(matcher.people(in: ["selon emilie rousseau, la…"]) == ["emilie"])
        #expect(matcher.people(in: ["Emilie Rousseaux expose"]).isEmpty)
        #expect(matcher.people(in: ["Paul", "Durand"]).isEmpty)
        #expect(matcher.people(in: ["Cher Paul Durand"]) == ["paul"])
    }

    @Test func googleRedirectsAreUnwrapped() {
        #expect(
            PressFeed.articleURL("https://www.google.com/url?rct=j&sa=t&url=https://www.lesechos.fr/a%3Fb%3D1&ct=ga")
                == "https://www.lesechos.fr/a?b=1")
        #expect(PressFeed.articleURL("https://www.lesechos.fr/x") == "https://www.lesechos.fr/x")
        #expect(PressFeed.articleURL("javascript:alert(1)") == nil)
        // Decoded once, after the markup is taken out: what was escaped text stays text.
        #expect(PressFeed.plainText("&lt;b&gt;A&lt;/b&gt; l&#39;x &amp;amp; <i>y</i>") == "<b>A</b> l'x &amp; y")
    }

    @Test func feedsAreImportedOnceEachWithTheLeadersTheyName() throws {
        let scratch = try ScratchFolder()
        let database = scratch.file("codir.sqlite").path
        let store = try Store.open(path: database, access: .readWrite)
        _ = try importText(pressPeople, into: store, file: "people.csv")
        let atom = scratch.file("alerts.xml")
        try Data(alertsAtom.utf8).write(to: atom)
        let rss = scratch.file("veille.rss")
        try Data(monitoringRSS.utf8).write(to: rss)
        #expect(InputKind.recognise(atom.path) == .press)
        #expect(InputKind.recognise(rss.path) == .press)

        let first = try Importer(store: store).importInput(at: atom.path, as: "alerts.xml")
        #expect(first.kind == .press)
        #expect(first.summary == "alerts.xml: press, 2 new items, 1 naming a leader (1 mention)", "\(first.summary)")
        let second = try Importer(store: store).importInput(at: rss.path, as: "veille.rss")
        #expect(second.summary == "veille.rss: press, 1 new item, 1 naming a leader (2 mentions), 1 already known", "\(second.summary)")
        #expect(second.diagnostics.map(\.description) == ["veille.rss:17: warning: item without a date"])

        let all = TimeWindow(length: .all, asOf: Timestamp(iso8601: "2026-12-01T00:00:00Z")!)
        let dataset = try store.dataset(for: all)
        let ids = { (item: PressRecord) in item.people.map { dataset.people[Int($0)].id } }
        #expect(dataset.press.count == 3)
        let interview = try #require(dataset.press.first { $0.url == "https://www.lesechos.fr/industrie/rousseau-interview" })
        #expect(interview.title == "EMILIE ROUSSEAU : l'industrie doit se transformer")
        #expect(interview.outlet == "lesechos.fr")
        #expect(ids(interview) == ["emilie"])
        let plan = try #require(dataset.press.first { $0.url == "https://www.usinenouvelle.com/horizon-plan" })
        #expect(plan.title == "Horizon : Paul Durand et émilie rousseau présentent le plan")
        #expect(plan.at == Timestamp(iso8601: "2026-11-27T15:30:00Z")!.seconds)
        #expect(Set(ids(plan)) == ["emilie", "paul"])
        let nearMiss = try #require(dataset.press.first { $0.outlet == "leprogres.fr" })
        #expect(nearMiss.people.isEmpty)

        // Only what is listed is kept: never a summary.
        let bytes = databaseBytes(database)
        #expect(bytes.range(of: Data("directrice générale".utf8)) == nil)
        #expect(bytes.range(of: Data("Une peintre".utf8)) == nil)

        // Forgetting a leader removes the items about them, whose titles name them.
        let report = try store.forget(["emilie"], dryRun: false)
        #expect(report.first?.pressItems == 2)
        let left = try store.dataset(for: all).press
        #expect(left.map(\.outlet) == ["leprogres.fr"])
    }

    @Test func aPressCSVNamesPeopleAndAudiences() throws {
        let scratch = try ScratchFolder()
        let store = try Store.open(path: scratch.file("codir.sqlite").path, access: .readWrite)
        _ = try importText(pressPeople, into: store, file: "people.csv")
        let csv = scratch.file("press.csv")
        try Data(
            """
            date,outlet,title,url,audience,people
            2026-11-20,Le Monde,Horizon recrute,https://www.lemonde.fr/horizon,1 200 000,paul
            2026-11-21T08:00:00Z,Radio Classique,Paul Durand invité,,350000,
            2026-11-22,Les Echos,Un titre,,lots,
            2026-11-23,Les Echos,Un autre,,,nobody
            2026-11-21,radio classique,PAUL DURAND INVITÉ,,,

            """.utf8
        ).write(to: csv)
        #expect(InputKind.recognise(csv.path) == .press)
        let result = try Importer(store: store).importInput(at: csv.path, as: "press.csv")
        #expect(result.summary == "press.csv: press, 2 new items, 2 naming a leader (2 mentions), 1 already known, 2 rejected", "\(result.summary)")
        #expect(
            result.diagnostics.map(\.description) == [
                "press.csv:4: error: non-numeric audience 'lots' in 'audience'",
                "press.csv:5: error: unknown person 'nobody' in 'people'; import the people file first",
            ])
        let all = TimeWindow(length: .all, asOf: Timestamp(iso8601: "2026-12-01T00:00:00Z")!)
        let press = try store.dataset(for: all).press
        #expect(press.map(\.audience) == [1_200_000, 350_000])
        #expect(press.map(\.outlet) == ["Le Monde", "Radio Classique"])
    }

    @Test func postsCarryTheirHashtags() throws {
        let scratch = try ScratchFolder()
        let store = try Store.open(path: scratch.file("codir.sqlite").path, access: .readWrite)
        _ = try importText(pressPeople, into: store, file: "people.csv")
        let csv = try importText(
            """
            type,id,author,at,hashtags
            post,p1,emilie,2026-11-20T09:00:00Z,#Transformation;Équipe
            post,p2,paul,2026-11-21T09:00:00Z,
            post,p3,paul,2026-11-22T09:00:00Z,two words

            """, into: store, file: "posts.csv")
        #expect(csv.counts.imported == 2 && csv.counts.rejected == 1)
        _ = try importText(
            """
            {"type":"post","id":"p2","author":"paul","at":"2026-11-21T09:00:00Z","hashtags":["IA","#ia","Data"]}
            {"type":"post","id":"p1","author":"emilie","at":"2026-11-20T09:00:00Z"}

            """, into: store, file: "posts.jsonl")
        let all = TimeWindow(length: .all, asOf: Timestamp(iso8601: "2026-12-01T00:00:00Z")!)
        let posts = try store.dataset(for: all).posts
        #expect(posts.map(\.hashtags) == [["transformation", "equipe"], ["ia", "data"]])
    }
}
