/// Drawing primitives: each draws into a rectangle of a cell buffer and never outside it.
extension CellBuffer {
    /// A box with a title in its top border; returns the inner rectangle.
    @discardableResult
    public mutating func box(
        _ rect: Rect, title: String? = nil, focused: Bool = false, context: RenderContext
    ) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let g = context.glyphs
        let border = Style(focused ? .accent : .border, focused ? [.bold] : [])
        // Border cells are set directly: the glyphs are one column wide.
        let area = rect.intersection(bounds)
        for (y, left, right) in [(rect.y, g.topLeft, g.topRight), (rect.maxY - 1, g.bottomLeft, g.bottomRight)]
        where y >= area.y && y < area.maxY {
            for x in area.x..<area.maxX {
                let glyph = x == rect.x ? left : (x == rect.maxX - 1 ? right : g.horizontal)
                self[x, y] = Cell(glyph, style: border)
            }
        }
        let side = Cell(g.vertical, style: border)
        for y in (rect.y + 1)..<(rect.maxY - 1) where y >= 0 && y < size.height {
            if rect.x >= 0 && rect.x < size.width { self[rect.x, y] = side }
            if rect.maxX - 1 >= 0 && rect.maxX - 1 < size.width { self[rect.maxX - 1, y] = side }
        }
        if let title, rect.width > 6 {
            let text = " " + truncated(title, to: rect.width - 6, context: context) + " "
            write(text, x: rect.x + 2, y: rect.y, style: Style(focused ? .accent : .header, [.bold]), clip: rect)
        }
        return rect.inset(by: 1)
    }

    /// Text cut to `width` columns (ending with an ellipsis) and aligned in it.
    @discardableResult
    public mutating func text(
        _ text: String, in rect: Rect, line: Int = 0, style: Style = .plain, align: Alignment = .left,
        context: RenderContext
    ) -> Int {
        guard line >= 0, line < rect.height else { return 0 }
        let shown = truncated(text, to: rect.width, context: context)
        let width = TextWidth.columns(of: shown)
        let x: Int
        switch align {
        case .left: x = rect.x
        case .right: x = rect.maxX - width
        case .center: x = rect.x + (rect.width - width) / 2
        }
        return write(shown, x: x, y: rect.y + line, style: style, clip: rect)
    }

    /// A one-line sparkline of `values` scaled to their maximum, the most recent on the right; keeps the last
    /// values that fit. Negative values count as zero; nil is a gap.
    public mutating func sparkline(_ values: [Double?], in rect: Rect, style: Style = Style(.accent), context: RenderContext) {
        guard rect.width > 0, rect.height > 0 else { return }
        let line = context.sparkline(values, width: rect.width)
        write(line, x: rect.maxX - line.count, y: rect.y, style: style, clip: rect)
    }

    /// A horizontal bar filling `fraction` of the rectangle's width, to an eighth of a cell in Unicode.
    public mutating func bar(_ fraction: Double, in rect: Rect, style: Style = Style(.accent), context: RenderContext) {
        guard rect.width > 0, rect.height > 0, fraction.isFinite else { return }
        let eighths = Int((max(0, min(1, fraction)) * Double(rect.width * 8)).rounded())
        var line = String(repeating: context.glyphs.barFull, count: eighths / 8)
        if eighths % 8 > 0 && !context.isASCII { line.append(context.glyphs.barEighths[eighths % 8]) }
        write(line, x: rect.x, y: rect.y, style: style, clip: rect)
    }

    /// A big figure with a caption and a smaller line under it: a tile readable from afar.
    public mutating func tile(
        value: String, caption: String, detail: String? = nil, detailStyle: Style = Style(.dim), in rect: Rect,
        context: RenderContext
    ) {
        guard rect.height > 0 else { return }
        let lines = rect.height
        let valueLine = lines >= 3 ? 1 : 0
        text(caption, in: rect, line: lines >= 3 ? 0 : 1, style: Style(.dim), align: .center, context: context)
        text(value, in: rect, line: valueLine, style: Style(.accent, [.bold]), align: .center, context: context)
        if let detail { text(detail, in: rect, line: valueLine + 1, style: detailStyle, align: .center, context: context) }
    }

    /// A row of tabs; the active one stands out. Returns nothing: the tabs are cut to the width.
    public mutating func tabs(_ titles: [String], active: Int, in rect: Rect, context: RenderContext) {
        guard rect.height > 0 else { return }
        var x = rect.x
        for (index, title) in titles.enumerated() {
            let label = " \(index + 1) \(title) "
            let style = index == active ? Style(.selection, [.bold, .reverse]) : Style(.dim)
            x += write(label, x: x, y: rect.y, style: style, clip: rect)
            x += write(" ", x: x, y: rect.y, clip: rect)
        }
    }

    /// The key bar: `key label` pairs, keys highlighted, cut to the width.
    public mutating func keyBar(_ keys: [(key: String, label: String)], in rect: Rect, context: RenderContext) {
        guard rect.height > 0 else { return }
        fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: Style(.normal, [.reverse]))
        var x = rect.x
        for (key, label) in keys {
            if x + TextWidth.columns(of: key + label) + 2 > rect.maxX { break }
            x += write(key, x: x, y: rect.y, style: Style(.accent, [.bold, .reverse]), clip: rect)
            x += write(label + "  ", x: x, y: rect.y, style: Style(.normal, [.reverse]), clip: rect)
        }
    }

    /// A centred overlay box with lines of text, drawn over what is there.
    public mutating func modal(title: String, lines: [String], in bounds: Rect, context: RenderContext) {
        let width = min(bounds.width, max(TextWidth.columns(of: title) + 8, (lines.map { TextWidth.columns(of: $0) }.max() ?? 0) + 4))
        let height = min(bounds.height, lines.count + 2)
        let rect = Rect(
            x: bounds.x + (bounds.width - width) / 2, y: bounds.y + (bounds.height - height) / 2, width: width,
            height: height)
        fill(rect)
        let inner = box(rect, title: title, focused: true, context: context)
        for (index, line) in lines.enumerated() {
            text(" " + line, in: inner, line: index, context: context)
        }
    }

    /// `text` cut to `width` columns with the context's ellipsis.
    public func truncated(_ text: String, to width: Int, context: RenderContext) -> String {
        TextWidth.truncated(text, to: width, ellipsis: context.glyphs.ellipsis)
    }
}

/// Horizontal alignment of text in its area.
public enum Alignment: Sendable {
    case left, right, center
}

extension RenderContext {
    /// A heat strip of counts on a shared scale (`top`, the largest count of every strip compared): a dot for
    /// zero, then shades from light to full.
    public func heatStrip(_ counts: [Int], top: Int) -> String {
        let shades = glyphs.shades
        return String(
            counts.map { count -> Character in
                guard count > 0 else { return isASCII ? "-" : "·" }
                guard top > 1 else { return shades[shades.count - 1] }
                let level = 1 + Int((Double(count - 1) / Double(top - 1) * Double(shades.count - 2)).rounded())
                return shades[min(shades.count - 1, max(1, level))]
            })
    }

    /// The one sparkline: the last `width` of `values` as level glyphs, scaled from the lower of zero and their
    /// minimum to their maximum (negative values, as an E-I index's, go below); nil is a gap. A table cell uses it
    /// as text, `CellBuffer.sparkline` draws it.
    public func sparkline(_ values: [Double?], width: Int) -> String {
        guard width > 0 else { return "" }
        let shown = values.suffix(width)
        let top = shown.compactMap { $0 }.max() ?? 0
        let bottom = min(0, shown.compactMap { $0 }.min() ?? 0)
        let levels = glyphs.levels
        var line = ""
        for value in shown {
            guard let value, value.isFinite else {
                line.append(" ")
                continue
            }
            let range = top - bottom
            let level = range > 0 ? Int(((value - bottom) / range * Double(levels.count - 1)).rounded()) : 0
            line.append(levels[max(0, min(levels.count - 1, level))])
        }
        return line
    }
}
