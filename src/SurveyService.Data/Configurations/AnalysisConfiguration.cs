using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SurveyService.Data.Analyses;
using SurveyService.Data.Consultations;
using SurveyService.Data.Submissions;

namespace SurveyService.Data.Configurations;

internal sealed class AnalysisConfiguration : IEntityTypeConfiguration<Analysis>
{
    public void Configure(EntityTypeBuilder<Analysis> builder)
    {
        builder.HasKey(a => a.ConsultationId);
        builder.HasOne<Consultation>().WithOne().HasForeignKey<Analysis>(a => a.ConsultationId);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Error).HasMaxLength(4_000);
        builder.Property(a => a.Stage).HasMaxLength(100);
    }
}

internal sealed class AnalysisWorkbookConfiguration : IEntityTypeConfiguration<AnalysisWorkbook>
{
    public void Configure(EntityTypeBuilder<AnalysisWorkbook> builder)
    {
        builder.HasKey(w => new { w.ConsultationId, w.Scope });
        builder.Property(w => w.Scope).HasMaxLength(20);
        builder.HasOne<Analysis>().WithMany().HasForeignKey(w => w.ConsultationId);
    }
}

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        // Names are unique per consultation: the analysts' shared vocabulary, counted in the workbook.
        builder.HasIndex(t => new { t.ConsultationId, t.Name }).IsUnique();
        builder.HasOne<Consultation>().WithMany().HasForeignKey(t => t.ConsultationId);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.CreatedBy).HasMaxLength(450);
    }
}

internal sealed class AnswerThemeConfiguration : IEntityTypeConfiguration<AnswerTheme>
{
    public void Configure(EntityTypeBuilder<AnswerTheme> builder)
    {
        builder.HasKey(t => new { t.SubmittedAnswerId, t.ThemeId });
        builder.HasIndex(t => t.ThemeId);
        // Submitted answers are never deleted; one cascade path only, as SQL Server requires.
        builder.HasOne<SubmittedAnswer>().WithMany().HasForeignKey(t => t.SubmittedAnswerId).OnDelete(DeleteBehavior.Restrict);
        // Removing a theme takes its tags with it; a tag never outlives its theme.
        builder.HasOne<Theme>().WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.TaggedBy).HasMaxLength(450);
    }
}
