using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SurveyService.Data.Accounts;
using SurveyService.Data.Analyses;
using SurveyService.Data.Consultations;
using SurveyService.Data.Entities;
using SurveyService.Data.Submissions;

namespace SurveyService.Data;

public sealed class SurveyDbContext(DbContextOptions<SurveyDbContext> options)
    : IdentityDbContext<SurveyUser>(options), IDataProtectionKeyContext
{
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<Entity> Entities => Set<Entity>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<Answer> Answers => Set<Answer>();
    public DbSet<SubmittedVersion> SubmittedVersions => Set<SubmittedVersion>();
    public DbSet<SubmittedAnswer> SubmittedAnswers => Set<SubmittedAnswer>();
    public DbSet<SubmissionEvent> SubmissionEvents => Set<SubmissionEvent>();
    public DbSet<ScreeningDecision> ScreeningDecisions => Set<ScreeningDecision>();
    public DbSet<ConsultationEvent> ConsultationEvents => Set<ConsultationEvent>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<AnswerTheme> AnswerThemes => Set<AnswerTheme>();
    public DbSet<Analysis> Analyses => Set<Analysis>();
    public DbSet<AnalysisWorkbook> AnalysisWorkbooks => Set<AnalysisWorkbook>();

    /// <summary>Kept here so cookies and tokens survive restarts and work across instances.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.ApplyConfigurationsFromAssembly(typeof(SurveyDbContext).Assembly);
        if (Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            builder.Entity<Answer>().Property(a => a.Text).HasConversion(new NulSafeTextConverter());
            builder.Entity<SubmittedAnswer>().Property(a => a.Text).HasConversion(new NulSafeTextConverter());
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Enums travel and are stored by name: readable in the database and stable if reordered.
        builder.Properties<RespondentCategory>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<QuestionTier>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<QuestionType>().HaveConversion<string>().HaveMaxLength(20);
        builder.Properties<StaffRole>().HaveConversion<string>().HaveMaxLength(20);
        // Every instant is UTC; SQLite cannot compare DateTimeOffset, so DateTime with the kind restored.
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<decimal>().HavePrecision(9, 4);
    }
}
