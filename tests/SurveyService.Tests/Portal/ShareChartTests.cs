using System.Globalization;
using System.Xml.Linq;
using SurveyService.Portal.Analysis;

namespace SurveyService.Tests.Portal;

/// <summary>The SVG the results page draws: bars as long as their shares, told apart without colour, labelled, mirrored for right-to-left readers.</summary>
public sealed class ShareChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly ChartWords Words = new("Unweighted share", "Weighted share");

    private static readonly ChartRow[] Rows =
    [
        new("Yes", 0.6, 0.5385),
        new("No", 0.2, 0.3077),
        new("Partly", 0, 0.1538),
    ];

    private static XElement Draw(IReadOnlyList<ChartRow> rows, bool rightToLeft = false, string culture = "en")
    {
        var html = ShareChart.Draw("q1-chart", rows, Words, CultureInfo.GetCultureInfo(culture), rightToLeft, "q1-name", "q1-table");
        using var writer = new StringWriter();
        html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        // Well-formed XML as well as HTML: the chart parses on its own.
        return XElement.Parse(writer.ToString());
    }

    private static XElement[] Bars(XElement chart, string kind) =>
        [.. chart.Descendants(Svg + "g").Select(g => g.Elements(Svg + "rect").Single(r => (string?)r.Attribute("class") == kind))];

    private static double Number(XElement element, string attribute) => double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    [Fact]
    public void EachOptionHasAnUnweightedAndAWeightedBarAsLongAsItsShare()
    {
        var chart = Draw(Rows);

        var unweighted = Bars(chart, "unweighted");
        var weighted = Bars(chart, "weighted");
        Assert.Equal([0.6 * ShareChart.BarSpan, 0.2 * ShareChart.BarSpan, 0], unweighted.Select(b => Number(b, "width")), new Tolerance());
        Assert.Equal([0.5385 * ShareChart.BarSpan, 0.3077 * ShareChart.BarSpan, 0.1538 * ShareChart.BarSpan], weighted.Select(b => Number(b, "width")), new Tolerance());
        Assert.All(unweighted.Concat(weighted), b => Assert.Equal(ShareChart.Margin, Number(b, "x")));
        // The weighted bar sits under its unweighted one, in the same option's group.
        Assert.All(unweighted.Zip(weighted), pair => Assert.True(Number(pair.Second, "y") > Number(pair.First, "y")));
    }

    [Fact]
    public void TheTwoSeriesDifferByPatternAndTheLegendNamesThem()
    {
        var chart = Draw(Rows);

        var pattern = chart.Descendants(Svg + "pattern").Single();
        Assert.Equal("q1-chart-hatch", (string?)pattern.Attribute("id"));
        Assert.All(Bars(chart, "weighted"), b => Assert.Equal("url(#q1-chart-hatch)", (string?)b.Attribute("fill")));
        Assert.All(Bars(chart, "unweighted"), b => Assert.StartsWith("#", (string?)b.Attribute("fill")));
        var legend = chart.Elements(Svg + "rect").Where(r => (string?)r.Attribute("class") == "legend").ToArray();
        Assert.Equal(["#0b4f9c", "url(#q1-chart-hatch)"], legend.Select(r => (string?)r.Attribute("fill")));
        Assert.Equal(["Unweighted share", "Weighted share"], chart.Elements(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void OptionsAndValuesArePrintedOnTheChart()
    {
        var chart = Draw(Rows);

        var labels = chart.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "option-label").ToArray();
        Assert.Equal(["Yes", "No", "Partly"], labels.Select(t => t.Value));
        // What people wrote is marked as such, as everywhere in the portal; the legend is the interface's own words.
        Assert.All(labels, t => Assert.NotNull(t.Attribute("data-content")));
        Assert.All(chart.Elements(Svg + "text"), t => Assert.Null(t.Attribute("data-content")));
        Assert.Equal(["60.00%", "53.85%", "20.00%", "30.77%", "0.00%", "15.38%"],
            chart.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "value").Select(t => t.Value));
        Assert.Equal(["53,85 %"], Draw([new("Oui", 0.5385, 0.5385)], culture: "fr").Descendants(Svg + "text")
            .Where(t => (string?)t.Attribute("class") == "value").Select(t => t.Value).Distinct());
    }

    [Fact]
    public void ItIsAnImageNamedAndDescribedByThePage()
    {
        var chart = Draw(Rows);

        Assert.Equal("img", (string?)chart.Attribute("role"));
        Assert.Equal("q1-name", (string?)chart.Attribute("aria-labelledby"));
        Assert.Equal("q1-table", (string?)chart.Attribute("aria-describedby"));
        Assert.Equal("q1-chart", (string?)chart.Attribute("id"));
        var viewBox = ((string)chart.Attribute("viewBox")!).Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(ShareChart.Width, viewBox[2]);
        Assert.True(Bars(chart, "weighted").Max(b => Number(b, "y") + Number(b, "height")) <= viewBox[3]);
    }

    [Fact]
    public void RightToLeftMirrorsTheBarsAndKeepsNumbersLeftToRight()
    {
        var chart = Draw(Rows, rightToLeft: true, culture: "ar");

        // Bars grow from the right-hand edge, each ending where its reading start is.
        Assert.All(Bars(chart, "unweighted").Concat(Bars(chart, "weighted")),
            b => Assert.Equal(ShareChart.Width - ShareChart.Margin, Number(b, "x") + Number(b, "width"), 6));
        var labels = chart.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "option-label").ToArray();
        Assert.All(labels, t => Assert.Equal("rtl", (string?)t.Attribute("direction")));
        Assert.All(labels, t => Assert.Equal(ShareChart.Width - ShareChart.Margin, Number(t, "x")));
        var values = chart.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "value").ToArray();
        Assert.All(values, t => Assert.Equal("ltr", (string?)t.Attribute("direction")));
        Assert.All(values, t => Assert.Equal("end", (string?)t.Attribute("text-anchor")));
        // The value sits just past the end of its bar, on the left.
        var first = Bars(chart, "unweighted")[0];
        Assert.Equal(Number(first, "x") - 6, Number(values[0], "x"), 6);
        Assert.Equal(0.6.ToString("P2", CultureInfo.GetCultureInfo("ar")), values[0].Value);

        var ltr = Draw(Rows).Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "value").ToArray();
        Assert.All(ltr, t => Assert.Equal("start", (string?)t.Attribute("text-anchor")));
    }

    [Fact]
    public void WhatPeopleWroteIsEscapedAndALongLabelIsCutAtAWholeCharacter()
    {
        var long_ = string.Concat(Enumerable.Repeat("e\u0301", 100)) + "👍🏽";
        var chart = Draw([new("<b>Yes & \"no\"</b>", 0.5, 0.5), new(long_, 0.5, 0.5)]);

        var labels = chart.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "option-label").Select(t => t.Value).ToArray();
        Assert.Equal("<b>Yes & \"no\"</b>", labels[0]);
        Assert.Empty(chart.Descendants(Svg + "b"));
        Assert.EndsWith("e\u0301…", labels[1]);
        Assert.Equal(ShareChart.LongestLabel, new StringInfo(labels[1]).LengthInTextElements);
    }

    [Fact]
    public void AShareOutsideZeroToOneIsNeverDrawnPastTheSpan()
    {
        Assert.Equal(ShareChart.BarSpan, ShareChart.Length(1.5));
        Assert.Equal(0, ShareChart.Length(-0.2));
        Assert.Equal(0, ShareChart.Length(double.NaN));
    }

    private sealed class Tolerance : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 0.01;

        public int GetHashCode(double obj) => 0;
    }
}
