import Testing

@testable import CodirModel

@Suite("Timestamps and days")
struct TimestampTests {
    @Test(arguments: [
        ("2026-11-02T09:30:00Z", Int64(1_793_611_800)),
        ("2026-11-02T10:30:00+01:00", 1_793_611_800),
        ("2026-11-02T04:30:00-05:00", 1_793_611_800),
        ("2026-11-02T09:30:00.123Z", 1_793_611_800),
        ("2026-11-02T10:30:00+0100", 1_793_611_800),
        ("2026-11-02 09:30:00Z", 1_793_611_800),
        ("1970-01-01T00:00:00Z", 0),
    ])
    func parsesISO8601WithAZone(text: String, seconds: Int64) {
        #expect(Timestamp(iso8601: text)?.seconds == seconds)
    }

    @Test(arguments: [
        "2026-11-02T09:30:00", "2026-11-02", "2026-13-02T09:30:00Z", "2026-02-30T09:30:00Z",
        "2026-11-02T25:30:00Z", "9 November 2026", "", "2026-11-02T09:30:00+1", "2026-11-02T09:30:00Zjunk",
    ])
    func rejectsTimesWithoutZoneOrOutOfRange(text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }

    @Test func formatsInUTC() {
        #expect(Timestamp(seconds: 1_793_611_800).iso8601 == "2026-11-02T09:30:00Z")
        #expect(Timestamp(seconds: -1).iso8601 == "1969-12-31T23:59:59Z")
    }

    @Test func daysRoundTripAcrossLeapYears() {
        for number in stride(from: -800, through: 30_000, by: 7) {
            let day = Day(number: number)
            #expect(Day(iso8601: day.iso8601) == day)
        }
        #expect(Day(iso8601: "2024-02-29") != nil)
        #expect(Day(iso8601: "2026-02-29") == nil)
        #expect(Day(iso8601: "2026-11-02")?.weekday == 0)  // a Monday
    }

    @Test func dayOfATimestampIsItsUTCDay() {
        #expect(Timestamp(iso8601: "2026-11-02T00:30:00+01:00")?.day == Day(iso8601: "2026-11-01"))
    }
}

@Suite("Windows")
struct WindowTests {
    let asOf = Timestamp(iso8601: "2026-11-30T00:00:00Z")!

    @Test func windowIsOpenAtTheStartAndClosedAtTheEnd() {
        let window = TimeWindow(length: .days(7), asOf: asOf)
        #expect(window.contains(asOf))
        #expect(!window.contains(asOf.adding(seconds: 1)))
        #expect(!window.contains(asOf.adding(days: -7)))
        #expect(window.contains(asOf.adding(days: -7).adding(seconds: 1)))
    }

    @Test func previousWindowHasTheSameLength() {
        let previous = TimeWindow(length: .days(30), asOf: asOf).previous
        #expect(previous?.end == asOf.adding(days: -30))
        #expect(previous?.start == asOf.adding(days: -60))
        #expect(TimeWindow(length: .all, asOf: asOf).previous == nil)
    }

    @Test func parsesLengths() {
        #expect(WindowLength("7d") == .days(7))
        #expect(WindowLength("365d") == .days(365))
        #expect(WindowLength("all") == .all)
        #expect(WindowLength("0d") == nil)
        #expect(WindowLength("week") == nil)
    }
}
