using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SurveyService.Data.Analyses;
using SurveyService.Data.Consultations;

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
