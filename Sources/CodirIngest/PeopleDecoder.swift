import CodirModel

/// Turns a row of the people CSV into a directory entry.
enum PeopleDecoder {
    static let requiredColumns = ["id", "name", "department", "role"]
    static let columns = ["id", "name", "department", "role", "login", "linkedin"]

    static func decode(_ fields: some FieldSource) -> Result<Person, LineError> {
        do {
            let id = try EventDecoder.text(fields, "id")
            let name = try EventDecoder.text(fields, "name")
            let department = try EventDecoder.text(fields, "department")
            let roleText = try EventDecoder.text(fields, "role")
            guard let role = Role(rawValue: roleText.lowercased()) else {
                throw LineError("bad role '\(quoted(roleText))' (expected leader or employee)")
            }
            let login = try EventDecoder.optionalText(fields, "login")
            if let login, !isValidLogin(login) {
                throw LineError("bad login '\(quoted(login))' (expected a unix login: letters, digits, '.', '_', '-')")
            }
            let linkedin = try EventDecoder.optionalText(fields, "linkedin")
            return .success(
                Person(id: id, name: name, department: department, role: role, login: login, linkedin: linkedin))
        } catch let error as LineError {
            return .failure(error)
        } catch {
            return .failure(LineError("\(error)"))
        }
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
