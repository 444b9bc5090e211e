import ArgumentParser
import CodirDashboard
import CodirModel
import CodirText
import Foundation
import TerminalUI

/// How a screen is drawn: `--no-color`, `--ascii` (the dashboards and the demo).
struct DisplayOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(Strings.current.help.dashNoColor))
    var noColor = false

    @Flag(help: ArgumentHelp(Strings.current.help.dashAscii))
    var ascii = false
}

/// Options of the commands that show the dashboard.
struct DashboardOptions: ParsableArguments {
    @OptionGroup var length: WindowOption

    @Option(help: ArgumentHelp(Strings.current.help.dashRefresh))
    var refresh: Double = 1

    @OptionGroup var display: DisplayOptions

    var window: WindowLength { length.window }
    var noColor: Bool { display.noColor }
    var ascii: Bool { display.ascii }

    func validate() throws {
        guard refresh >= 0.1, refresh <= 3600 else { throw ValidationError(Strings.current.commands.betweenSeconds("--refresh", "0.1", "3600")) }
    }
}

extension Codir {
    struct Dash: ParsableCommand {
        // Computed: --help is made in the language of the run.
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Strings.current.help.dashAbstract,
                discussion: Strings.current.help.dashDiscussion)
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: DashboardOptions
        @OptionGroup var viewer: ViewerOptions

        func run() throws {
            try runDashboard(
                path: global.databasePath(), disclosure: viewer.disclosure(), window: options.window, refresh: options.refresh,
                noColor: options.noColor, ascii: options.ascii, staleAfterDays: try viewer.configuration().staleAfterDays,
                rates: try viewer.configuration().value)
        }
    }
}

/// Takes over the terminal and runs the dashboard until the user quits; the terminal is restored on
/// every way out.
func runDashboard(
    path: String, disclosure: Disclosure = .everything, window: WindowLength, refresh: Double, noColor: Bool,
    ascii: Bool, wallRotation: Double? = nil, personalLogin: String? = nil, staleAfterDays: Int = 14,
    rates: ValueRates = .defaults
) throws {
    guard Platform.stdoutIsTerminal else {
        if personalLogin != nil {
            printError("error: " + Strings.current.messages.meNeedsTerminal)
        } else {
            printError("error: " + Strings.current.messages.needsTerminal(wallRotation == nil ? "dash" : "wall"))
        }
        throw ExitCode(1)
    }
    Platform.catchStopSignals()
    let environment = ProcessInfo.processInfo.environment
    let terminal: NCursesTerminal
    do {
        terminal = try NCursesTerminal(
            monochrome: noColor || environment["NO_COLOR"] != nil, ascii: ascii,
            environment: environment)
    } catch {
        printError("error: \(error.message)")
        throw ExitCode(1)
    }
    defer { terminal.restore() }
    let context = RenderContext(
        glyphs: terminal.supportsUnicode ? .unicode : .ascii, hasColour: terminal.colourMode != .monochrome,
        foldsLetters: !terminal.localeIsUTF8)
    let state = DashboardState(window: window)
    let screen: any Screen =
        if let personalLogin { PersonalScreen(login: personalLogin, state: state) } else if let wallRotation {
            WallScreen(state: state, rotate: wallRotation)
        } else { DashboardScreen(state: state) }
    let app = DashboardApp(
        terminal: terminal,
        source: DashboardSource(
            path: path, disclosure: disclosure, personalLogin: personalLogin, staleAfterDays: staleAfterDays, rates: rates),
        screen: screen, context: context, refresh: refresh, stopRequested: { Platform.stopRequested })
    _ = app.run()
}
