using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SurveyService.Data.Consultations;

namespace SurveyService.Data.Configurations;

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.Property(q => q.Code).HasMaxLength(20);
        builder.Property(q => q.Text).HasMaxLength(4_000);
        builder.PrimitiveCollection(q => q.Options);
        builder.HasIndex(q => new { q.ConsultationId, q.Code }).IsUnique();
    }
}
