import CodirTestSupport
import Testing

@testable import TerminalUI

@Suite("Cell buffer")
struct CellBufferTests {
    init() { TextWidth.prepareUTF8Locale() }

    @Test func writesTextAndReadsItBack() {
        var buffer = CellBuffer(size: Size(width: 10, height: 2))
        #expect(buffer.write("hello", x: 2, y: 1) == 5)
        #expect(buffer.lines == ["", "  hello"])
    }

    @Test func wideGlyphsTakeTwoColumns() {
        var buffer = CellBuffer(size: Size(width: 8, height: 1))
        #expect(buffer.write("東京x", x: 0, y: 0) == 5)
        #expect(buffer[1, 0] == .continuation)
        #expect(buffer.lines == ["東京x"])
    }

    @Test func accentsAndCombiningMarksTakeOneColumn() {
        var buffer = CellBuffer(size: Size(width: 10, height: 1))
        #expect(buffer.write("Émilie", x: 0, y: 0) == 6)
        #expect(buffer.write("e\u{301}", x: 7, y: 0) == 1)
        #expect(buffer.lines == ["Émilie é"])
    }

    @Test func aWideGlyphThatDoesNotFitIsDropped() {
        var buffer = CellBuffer(size: Size(width: 3, height: 1))
        #expect(buffer.write("a東京", x: 0, y: 0) == 3)
        #expect(buffer.lines == ["a東"])
        var narrow = CellBuffer(size: Size(width: 2, height: 1))
        narrow.write("x東", x: 0, y: 0)
        #expect(narrow.lines == ["x"])
    }

    @Test func overwritingHalfAWideGlyphBlanksTheOtherHalf() {
        var buffer = CellBuffer(size: Size(width: 4, height: 1))
        buffer.write("東京", x: 0, y: 0)
        buffer.write("a", x: 1, y: 0)
        #expect(buffer.lines == [" a京"])
    }

    @Test func writesAreClippedToTheBufferAndTheRectangle() {
        var buffer = CellBuffer(size: Size(width: 6, height: 2))
        buffer.write("abcdefghij", x: 3, y: 0)
        buffer.write("far away", x: 0, y: 5)
        buffer.write("-123456", x: -1, y: 1)
        #expect(buffer.lines == ["   abc", "123456"])
        var clipped = CellBuffer(size: Size(width: 6, height: 1))
        clipped.write("abcdef", x: 0, y: 0, clip: Rect(x: 1, y: 0, width: 3, height: 1))
        #expect(clipped.lines == [" bcd"])
    }

    @Test func controlCharactersFromDataNeverReachTheTerminal() {
        var buffer = CellBuffer(size: Size(width: 12, height: 1))
        buffer.write("a\u{1B}[2Jb\tc", x: 0, y: 0)
        #expect(buffer.lines == ["a?[2Jb?c"])
    }

    @Test func emptyAndNegativeSizesAreSafe() {
        var buffer = CellBuffer(size: Size(width: -3, height: 0))
        #expect(buffer.write("x", x: 0, y: 0) == 0)
        buffer.fill(Rect(x: -5, y: -5, width: 50, height: 50))
        #expect(buffer.lines.isEmpty)
    }
}

@Suite("Test terminal")
struct TestTerminalTests {
    @Test func keepsTheLastFrameAndQueuedEvents() {
        let terminal = TestTerminal(size: Size(width: 20, height: 3))
        var frame = CellBuffer(size: terminal.size)
        frame.write("Reach", x: 0, y: 0, style: Style(.header, .bold))
        terminal.show(frame)
        #expect(terminal.text == "Reach\n\n")
        #expect(terminal.frame[0, 0].style == Style(.header, .bold))
        terminal.type("q")
        terminal.resize(to: Size(width: 80, height: 24))
        #expect(terminal.nextEvent(timeout: 0) == .character("q"))
        #expect(terminal.nextEvent(timeout: 0) == .resize(Size(width: 80, height: 24)))
        #expect(terminal.nextEvent(timeout: 0) == nil)
    }
}

@Suite("ASCII folding")
struct ASCIIFoldingTests {
    init() { TextWidth.prepareUTF8Locale() }

    @Test func symbolsFoldAndLettersStayUnlessTheLocaleCannotShowThem() {
        var buffer = CellBuffer(size: Size(width: 20, height: 1))
        buffer.write("Émilie → 3 – ★", x: 0, y: 0)
        var symbols = buffer
        symbols.foldSymbolsToASCII()
        #expect(symbols.lines == ["Émilie > 3 - *"])
        buffer.foldSymbolsToASCII(lettersToo: true)
        #expect(buffer.lines == ["Emilie > 3 - *"])
        #expect(buffer.lines[0].allSatisfy { $0.isASCII })
    }

    /// A French press title keeps its quotes and spaces: « Sur l’IA » with non-breaking spaces, and its euros.
    @Test func frenchTypographyFoldsToQuotesAndSpaces() {
        var buffer = CellBuffer(size: Size(width: 30, height: 1))
        buffer.write("«\u{00A0}Sur l’IA\u{202F}» : 3\u{00A0}€", x: 0, y: 0)
        buffer.foldSymbolsToASCII()
        #expect(buffer.lines == ["\" Sur l'IA \" : 3 E"])
    }
}
