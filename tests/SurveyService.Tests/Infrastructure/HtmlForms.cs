using AngleSharp.Html.Parser;

namespace SurveyService.Tests.Infrastructure;

/// <summary>Reads a page's forms as a browser would, whatever the order of an element's attributes.</summary>
public static class HtmlForms
{
    public static string Hidden(string html, string name)
    {
        var input = new HtmlParser().ParseDocument(html).QuerySelectorAll("input[type=hidden]").FirstOrDefault(i => i.GetAttribute("name") == name);
        Assert.True(input is not null, $"The page has no hidden field {name}.");
        return input.GetAttribute("value") ?? "";
    }
}
