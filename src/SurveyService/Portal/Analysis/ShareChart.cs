using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace SurveyService.Portal.Analysis;

/// <summary>One option's bars: its label and its two shares, from 0 to 1, as the summary gives them.</summary>
internal sealed record ChartRow(string Label, double Share, double WeightedShare);

/// <summary>The chart's own words, in the reader's language.</summary>
internal sealed record ChartWords(string Unweighted, string Weighted);

/// <summary>
/// A bar chart of the unweighted beside the weighted share of each option, drawn on the server as
/// inline SVG: no chart library reaches the browser. The two bars are told apart by fill (solid
/// against hatched) and by the legend, never by colour alone, and each carries its value. The SVG
/// is an image for assistive technology (role="img", named and described by the page's own caption
/// and data table); for right-to-left readers it is mirrored, and numbers stay left-to-right runs.
/// </summary>
internal static class ShareChart
{
    public const int Width = 640;
    public const int Margin = 8;

    /// <summary>The longest bar: the width less the margins and room for the value after it.</summary>
    public const int BarSpan = Width - 2 * Margin - 96;

    public const int BarHeight = 16;
    private const int LegendHeight = 30;
    private const int LabelHeight = 22;
    private const int BarGap = 4;
    private const int GroupGap = 14;
    private const int GroupHeight = LabelHeight + 2 * BarHeight + BarGap + GroupGap;

    /// <summary>Labels longer than this are cut (SVG text does not wrap); the data table beside the chart has them whole.</summary>
    public const int LongestLabel = 70;

    private const string Solid = "#0b4f9c";
    private const string Ink = "#111";

    /// <summary>A share as the page writes it, in the reader's culture: two decimals, as the summary keeps them (33.33%).</summary>
    public static string Percent(double share, CultureInfo culture) => share.ToString("P2", culture);

    public static IHtmlContent Draw(string id, IReadOnlyList<ChartRow> rows, ChartWords words, CultureInfo culture, bool rightToLeft,
        string labelledBy, string describedBy)
    {
        var height = LegendHeight + rows.Count * GroupHeight;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"share-chart\" id=\"{Escape(id)}\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" focusable=\"false\" aria-labelledby=\"{Escape(labelledBy)}\" aria-describedby=\"{Escape(describedBy)}\">");
        // The hatch is per chart: ids are unique in the page, and a chart copied alone keeps its fill.
        var hatch = $"{id}-hatch";
        svg.Append(CultureInfo.InvariantCulture,
            $"<defs><pattern id=\"{Escape(hatch)}\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/><rect width=\"3\" height=\"6\" fill=\"{Ink}\"/></pattern></defs>");
        var direction = rightToLeft ? "rtl" : "ltr";

        // The legend: a swatch and its name for each series.
        var swatchX = Margin;
        foreach (var (word, weighted) in new[] { (words.Unweighted, false), (words.Weighted, true) })
        {
            svg.Append(Bar(X(swatchX, 14, rightToLeft), 6, 14, 14, weighted, hatch, "legend"));
            svg.Append(Text(XAt(swatchX + 20, rightToLeft), 18, word, direction, "start", "legend-label"));
            swatchX += 20 + 10 * Math.Max(word.Length, 6) + 24;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var top = LegendHeight + i * GroupHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"option\" data-option=\"{i}\">");
            svg.Append(Text(XAt(Margin, rightToLeft), top + 15, Shortened(row.Label), direction, "start", "option-label", userData: true));
            var bars = new[] { (row.Share, false), (row.WeightedShare, true) };
            for (var b = 0; b < bars.Length; b++)
            {
                var (share, weighted) = bars[b];
                var y = top + LabelHeight + b * (BarHeight + BarGap);
                var width = Length(share);
                svg.Append(Bar(X(Margin, width, rightToLeft), y, width, BarHeight, weighted, hatch, weighted ? "weighted" : "unweighted"));
                // The value just past the bar's end: a left-to-right run, anchored at the end that faces the bar.
                svg.Append(Text(XAt(Margin + width + 6, rightToLeft), y + 13, Percent(share, culture), "ltr", rightToLeft ? "end" : "start", "value"));
            }
            svg.Append("</g>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>A share's bar length; a share is never drawn past the span, whatever a stored summary says.</summary>
    public static double Length(double share) => Math.Round(Math.Clamp(double.IsFinite(share) ? share : 0, 0, 1) * BarSpan, 2);

    private static string Bar(double x, double y, double width, double height, bool weighted, string hatch, string kind)
    {
        var (fill, stroke) = weighted ? ($"url(#{Escape(hatch)})", Ink) : (Solid, Solid);
        return string.Create(CultureInfo.InvariantCulture,
            $"<rect class=\"{kind}\" x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"{height}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\"/>");
    }

    /// <summary>A line of text; userData marks what people wrote (an option), as the portal marks it everywhere, apart from the interface's own words.</summary>
    private static string Text(double x, double y, string text, string direction, string anchor, string kind, bool userData = false) =>
        string.Create(CultureInfo.InvariantCulture,
            $"<text class=\"{kind}\" x=\"{x}\" y=\"{y}\" direction=\"{direction}\" unicode-bidi=\"embed\" text-anchor=\"{anchor}\" font-size=\"14\" fill=\"{Ink}\"{(userData ? " data-content=\"\"" : "")}>{Escape(text)}</text>");

    /// <summary>Where a box of the width starting at x (from the reading start) begins in SVG's left-to-right coordinates.</summary>
    private static double X(double x, double width, bool rightToLeft) => rightToLeft ? Width - x - width : x;

    /// <summary>A point x from the reading start, in SVG's coordinates.</summary>
    private static double XAt(double x, bool rightToLeft) => rightToLeft ? Width - x : x;

    /// <summary>Cut at a whole character as a reader sees it (never inside a surrogate pair or a combining sequence).</summary>
    private static string Shortened(string label)
    {
        var elements = StringInfo.ParseCombiningCharacters(label);
        return elements.Length <= LongestLabel ? label : label[..elements[LongestLabel - 1]] + "…";
    }

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
