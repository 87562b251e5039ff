using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SurveyService.Tests.Infrastructure;

public static class Accessibility
{
    private static readonly AxeRunOptions WcagAandAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>
    /// axe-core on the page as it is now: no violation of the WCAG 2.0 and 2.1 A and AA rules, with no
    /// allow-list. axe runs as a script, so the page's context must allow scripts; where it does not, the
    /// evaluation can wait forever, hence the bound.
    /// </summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(WcagAandAA).WaitAsync(TimeSpan.FromMinutes(2));
        var found = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}");
        Assert.True(result.Violations.Length == 0, $"axe-core on {page.Url}:\n{string.Join("\n", found)}");
    }
}
