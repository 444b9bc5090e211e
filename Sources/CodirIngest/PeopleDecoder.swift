import CodirModel
import CodirText

/// Turns a row of the people CSV into a directory entry.
enum PeopleDecoder {
    static let requiredColumns = ["id", "name", "department", "role"]
    static let columns = ["id", "name", "department", "role", "login", "linkedin", "email"]

    static func decode(_ fields: some FieldSource) -> Result<Person, LineError> {
        do {
            let id = try EventDecoder.text(fields, "id")
            let name = try EventDecoder.text(fields, "name")
            let department = try EventDecoder.text(fields, "department")
            let roleText = try EventDecoder.text(fields, "role")
            guard let role = Role(rawValue: roleText.lowercased()) else {
                throw LineError(Strings.current.lines.badRole(quoted(roleText)))
            }
            let login = try EventDecoder.optionalText(fields, "login")
            if let login, !isValidLogin(login) {
                throw LineError(Strings.current.lines.badLogin(quoted(login)))
            }
            let linkedin = try EventDecoder.optionalText(fields, "linkedin")
            // One or more addresses separated by ';'.
            var emails: [String] = []
            for piece in (try EventDecoder.optionalText(fields, "email") ?? "").split(separator: ";") {
                let email = Person.normalised(email: piece)
                guard !email.isEmpty else { continue }
                guard isValidEmail(email) else {
                    throw LineError(Strings.current.lines.badEmail(quoted(email)))
                }
                if !emails.contains(email) { emails.append(email) }
            }
            return .success(
                Person(
                    id: id, name: name, department: department, role: role, login: login, linkedin: linkedin,
                    emails: emails))
        } catch let error as LineError {
            return .failure(error)
        } catch {
            return .failure(LineError("\(error)"))
        }
    }

    /// `local@domain`: one `@`, something on each side, no spaces, quotes or angle brackets.
    static func isValidEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            email.utf8.count <= 254
        else { return false }
        return !email.unicodeScalars.contains { $0.properties.isWhitespace || "<>\"(),:;[]\\".unicodeScalars.contains($0) || $0.value < 0x20 }
    }

    static func isValidLogin(_ login: String) -> Bool {
        guard let first = login.unicodeScalars.first, login.unicodeScalars.count <= 32, first != "-" else {
            return false
        }
        return login.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)
        }
    }
}
