import ArgumentParser
import CodirConfig
import CodirModel
import CodirStore
import CodirText
import Foundation

extension Codir {
    struct Me: ParsableCommand {
        // Computed: --help is made in the language of the run.
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Strings.current.help.meAbstract,
                discussion: Strings.current.help.meDiscussion)
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: DashboardOptions
        @OptionGroup var viewer: ViewerOptions

        @Option(
            name: .customLong("as"),
            help: ArgumentHelp(Strings.current.help.meAsLogin, valueName: "login"))
        var asLogin: String?

        func run() throws {
            let configuration = try viewer.configuration()
            let words = Strings.current.messages
            let user = Platform.realUser()
            guard let login = user.login else {
                printError("error: " + words.noPasswordEntry(user.uid))
                throw ExitCode(1)
            }
            var subject = login
            if let asLogin {
                guard configuration.isAdmin(login: login, uid: user.uid) else {
                    printError("error: " + words.onlyAdmins(configuration.file, login))
                    throw ExitCode(1)
                }
                subject = asLogin
            }
            let path = global.databasePath()
            let people: [Person]
            do {
                people = try Store.open(path: path, access: .readOnly).people()
            } catch {
                throw fail(error)
            }
            guard people.contains(where: { $0.login == subject }) else {
                if asLogin != nil {
                    // An admin's typo: the close login, with whose it is.
                    let logins = people.compactMap(\.login)
                    let hint = closestMatch(to: subject, in: logins).flatMap { close in
                        people.first { $0.login == close }.map { "'\(close)' (\(sanitized($0.name)))" }
                    }
                    printError("error: " + words.noSuchLogin(path, subject, hint))
                } else {
                    // Said to the executive who sees it, in words they can act on.
                    let contact = configuration.contact ?? words.whoeverRunsCodir
                    printError("error: " + words.notInDirectory(subject, contact))
                }
                throw ExitCode(1)
            }
            // An admin looking through someone's eyes sees what that person sees.
            let disclosure =
                configuration.admins.contains(subject)
                ? Disclosure.everything : Disclosure(visibility: configuration.visibility, viewerLogin: subject)
            try runDashboard(
                path: path, disclosure: disclosure, window: options.window, refresh: options.refresh,
                noColor: options.noColor, ascii: options.ascii, personalLogin: subject, rates: configuration.value)
        }
    }
}
