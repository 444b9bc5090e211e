import Foundation
import CodirModel

/// How a demo leader behaves on LinkedIn and towards colleagues.
public struct LeaderPersona: Sendable, Hashable {
    public var person: Person
    /// Posts per week.
    public var postsPerWeek: Double
    /// Chance of engaging with each other leader's post.
    public var leaderEngagement: Double
    /// Chance of engaging with each employee's post.
    public var employeeEngagement: Double
    public var baseFollowers: Int
    /// Followers gained per day, on average.
    public var followerGrowth: Double
    /// Mean impressions of one post.
    public var impressionsPerPost: Double
    /// Whether the leader's numbers arrive as daily analytics rows (else as per-post counters).
    public var exportsDailyAnalytics: Bool
    /// The hashtags they use, most used first (their editorial line).
    public var hashtags: [String] = []
    /// Press items naming them, per 30 days.
    public var pressPerMonth: Double = 0
    /// How closely their team follows them, 0 to 1: how much their department's activity rises in the week
    /// after they post.
    public var teamFollowing: Double = 0
}

/// The synthetic organisation of `codir demo`: 10 leaders, 8 departments, 500 employees.
///
/// The directory is fixed; the seed only changes who does what, when.
public struct DemoOrganisation: Sendable {
    public static let name = "Groupe Horizon (démo)"

    public let departments: [String]
    public let leaders: [LeaderPersona]
    public let employees: [Person]
    /// Heavy-tailed activity of each employee (1 = ordinary), in `employees` order.
    public let activity: [Double]
    /// How readily each department (same order as `departments`) reaches out: < 1 stays in its silo longer.
    public let openness: [Double]

    public var people: [Person] { leaders.map(\.person) + employees }

    public init(seed: UInt64) {
        let departments = [
            "Direction générale", "Finance", "Commercial", "Marketing", "Opérations", "R&D",
            "Ressources humaines", "Systèmes d'information",
        ]
        self.departments = departments
        openness = [1.2, 0.55, 0.9, 1.4, 0.7, 0.8, 1.3, 1.0]
        func leader(
            _ id: String, _ name: String, _ department: String, _ login: String, posts: Double, leaders: Double,
            employees: Double, followers: Int, growth: Double, impressions: Double, daily: Bool
        ) -> LeaderPersona {
            LeaderPersona(
                person: Person(
                    id: id, name: name, department: department, role: .leader, login: login,
                    linkedin: "https://www.linkedin.com/in/\(login)-horizon"),
                postsPerWeek: posts, leaderEngagement: leaders, employeeEngagement: employees,
                baseFollowers: followers, followerGrowth: growth, impressionsPerPost: impressions,
                exportsDailyAnalytics: daily)
        }
        let editorial: [(hashtags: [String], press: Double, following: Double)] = [
            (["transformation", "ia", "rse", "innovation"], 10, 0.9),
            (["finance", "résultats"], 0.3, 0.1),
            (["clients", "transformation", "ia"], 2, 0.6),
            (["marque", "innovation", "clients", "ia"], 2.5, 0.85),
            (["industrie", "sécurité"], 0.3, 0.2),
            (["innovation", "ia", "data"], 1.2, 0.5),
            (["talents", "rse", "transformation"], 1.5, 0.75),
            (["cybersécurité", "data"], 0.4, 0.3),
            (["rse", "gouvernance"], 0.2, 0.1),
            (["clients", "export"], 0.6, 0.4),
        ]
        var leaders = [
            leader(
                "L01", "Isabelle Moreau", "Direction générale", "imoreau", posts: 4, leaders: 0.85, employees: 0.12,
                followers: 14_200, growth: 21, impressions: 9_500, daily: true),
            leader(
                "L02", "Philippe Garnier", "Finance", "pgarnier", posts: 0.15, leaders: 0.04, employees: 0,
                followers: 2_100, growth: 0.6, impressions: 900, daily: false),
            leader(
                "L03", "Nathalie Lefèvre", "Commercial", "nlefevre", posts: 2.5, leaders: 0.45, employees: 0.05,
                followers: 8_400, growth: 9, impressions: 5_200, daily: true),
            leader(
                "L04", "Thomas Bernard", "Marketing", "tbernard", posts: 3, leaders: 0.6, employees: 0.3,
                followers: 6_900, growth: 12, impressions: 4_800, daily: true),
            leader(
                "L05", "Karim Benali", "Opérations", "kbenali", posts: 0.8, leaders: 0.3, employees: 0.04,
                followers: 3_300, growth: 2.5, impressions: 1_900, daily: false),
            leader(
                "L06", "Sophie Dubois", "R&D", "sdubois", posts: 1.5, leaders: 0.4, employees: 0.18,
                followers: 5_100, growth: 6, impressions: 3_600, daily: true),
            leader(
                "L07", "Émilie Rousseau", "Ressources humaines", "erousseau", posts: 2, leaders: 0.75,
                employees: 0.22, followers: 4_600, growth: 5, impressions: 3_100, daily: true),
            leader(
                "L08", "Julien Mercier", "Systèmes d'information", "jmercier", posts: 0.6, leaders: 0.2,
                employees: 0.06, followers: 2_800, growth: 1.8, impressions: 1_500, daily: false),
            leader(
                "L09", "Claire Fontaine", "Direction générale", "cfontaine", posts: 0.4, leaders: 0.15,
                employees: 0.02, followers: 1_700, growth: 1, impressions: 1_100, daily: false),
            leader(
                "L10", "Antoine Girard", "Commercial", "agirard", posts: 1.2, leaders: 0.35, employees: 0.08,
                followers: 3_900, growth: 3.5, impressions: 2_400, daily: true),
        ]
        for index in leaders.indices {
            (leaders[index].hashtags, leaders[index].pressPerMonth, leaders[index].teamFollowing) = editorial[index]
        }
        self.leaders = leaders

        let sizes = [20, 40, 120, 45, 110, 80, 25, 60]
        let firstNames = [
            "Camille", "Lucas", "Léa", "Hugo", "Chloé", "Louis", "Manon", "Gabriel", "Inès", "Arthur", "Jade", "Jules",
            "Sarah", "Adam", "Zoé", "Nathan", "Lina", "Raphaël", "Emma", "Paul", "Alice", "Mathis", "Louise", "Théo",
            "Juliette", "Maël", "Anaïs", "Yanis", "Océane", "Noah", "Mélanie", "Samuel", "Clémence", "Bastien",
            "Élodie", "Rémi", "Amandine", "Quentin", "Margaux", "Mehdi", "Pauline", "Nicolas", "Aurélie", "Kevin",
            "Sandrine", "Benoît", "Fatima", "Olivier", "Céline", "Yann",
        ]
        let lastNames = [
            "Martin", "Durand", "Petit", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
            "Bonnet", "Dupont", "Lambert", "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Gauthier",
            "Perrin", "Mathieu", "Clément", "Nicolas", "Henry", "Roussel", "Faure", "André", "Mercier", "Blanc",
            "Guérin", "Boyer", "Garnier", "Chevallier", "François", "Legrand", "Gauthier", "Garcia", "Barbier",
            "Brun", "Dumas", "Meunier", "Lemoine", "Noël", "Marchand", "Caron", "Giraud", "Hamel", "Benoît",
            "Da Silva", "Nguyen",
        ]
        var rng = SeededGenerator(seed: seed, stream: 0xD1EC)
        var employees: [Person] = []
        var activity: [Double] = []
        var taken = Set<String>()
        var number = 1
        for (departmentIndex, size) in sizes.enumerated() {
            for _ in 0..<size {
                var name: String
                repeat {
                    name =
                        "\(firstNames[Int(rng.next() % UInt64(firstNames.count))]) \(lastNames[Int(rng.next() % UInt64(lastNames.count))])"
                } while taken.contains(name)
                taken.insert(name)
                let id = String(format: "E%03d", number)
                employees.append(
                    Person(
                        id: id, name: name, department: departments[departmentIndex], role: .employee,
                        login: number <= 40 ? "e\(number)" : nil))
                // A third of the staff hardly ever interacts; the rest follow a heavy tail.
                activity.append(rng.chance(0.3) ? 0.15 : min(40, rng.pareto(alpha: 1.4)))
                number += 1
            }
        }
        self.employees = employees
        self.activity = activity
    }

    /// Index of a department's name in `departments`.
    func departmentIndex(of person: Person) -> Int { departments.firstIndex(of: person.department) ?? 0 }
}
