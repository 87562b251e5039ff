using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SurveyService.Accounts;
using SurveyService.Consultations;
using SurveyService.Data;
using SurveyService.Tests.Infrastructure;

namespace SurveyService.Tests.Portal;

/// <summary>The portal on a real port with the demo loaded: the WG-Study consultation open, and a focal point of every category.</summary>
public sealed class DemoPortal : IAsyncLifetime
{
    public const string Password = "Demo-Password-2026";

    public PortalServer Server { get; } = new();

    public string Address { get; private set; } = "";

    public Task InitializeAsync()
    {
        Server.Settings["Demo:Enabled"] = "true";
        Server.Settings["Demo:Password"] = Password;
        Address = Server.Address;
        return Task.CompletedTask;
    }

    /// <summary>Signs in through the form, by keyboard: type, tab, type, Enter.</summary>
    public static async Task SignInAsync(IPage page, string email, string culture = "en", string password = Password)
    {
        await page.GotoAsync($"/account/login?culture={culture}");
        await page.Locator("#email").FocusAsync();
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
    }

    /// <summary>Another focal point for a demo entity, with the demo password: two people answering for one entity.</summary>
    public async Task AddFocalPointAsync(string email, string entityName)
    {
        using var scope = Server.Services.CreateScope();
        var entity = await scope.ServiceProvider.GetRequiredService<SurveyDbContext>().Entities.SingleAsync(e => e.Name == entityName);
        Assert.IsType<AccountOutcome.Created>(await scope.ServiceProvider.GetRequiredService<AccountCreation>()
            .CreateAsync(email, "Deputy focal point", Password, entity, null));
    }

    /// <summary>A consultation published by the Secretariat's own use cases, opening after the given time from now and open for sixty days (after the demo consultation, which stays first in the list).</summary>
    public async Task<Guid> PublishAsync(string title, TimeSpan opensIn, RespondentCategory[]? eligible, params AddQuestionRequest[] questions)
    {
        using var scope = Server.Services.CreateScope();
        var services = scope.ServiceProvider;
        var opens = services.GetRequiredService<TimeProvider>().GetUtcNow().Add(opensIn).AddMinutes(-1);
        var consultation = await services.GetRequiredService<CreateConsultation>().CreateAsync(null, new CreateConsultationRequest(
            title, opens, opens.AddDays(60), EligibleCategories: eligible));
        foreach (var question in questions)
            Assert.IsType<AddQuestionOutcome.Added>(await services.GetRequiredService<AddQuestion>().AddAsync(null, consultation.Id, question));
        Assert.IsType<ConsultationOutcome.Done>(await services.GetRequiredService<PublishConsultation>().PublishAsync(null, consultation.Id));
        return consultation.Id;
    }

    public static AddQuestionRequest TextQuestion(string code, string text, QuestionTier tier, bool required = false) =>
        new(code, text, tier, QuestionType.Text, null, required, null, null, null);

    /// <summary>Signs in as the Secretariat account the service was started with (Bootstrap settings).</summary>
    public static Task SignInAsSecretariatAsync(IPage page, string culture = "en") =>
        SignInAsync(page, SurveyApplication.SecretariatEmail, culture, SurveyApplication.Password);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
