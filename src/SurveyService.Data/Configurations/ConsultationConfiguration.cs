using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SurveyService.Data.Consultations;

namespace SurveyService.Data.Configurations;

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.Property(c => c.Description).HasMaxLength(20_000);
        builder.PrimitiveCollection(c => c.EligibleCategories);
        builder.OwnsMany(c => c.Weights, weight =>
        {
            weight.ToTable("ConsultationWeights");
            weight.WithOwner().HasForeignKey("ConsultationId");
            weight.HasKey("ConsultationId", nameof(CategoryWeight.Category));
        });
        builder.HasMany(c => c.Questions).WithOne().HasForeignKey(q => q.ConsultationId);
        builder.HasIndex(c => c.ClosesAt);
    }
}

internal sealed class ConsultationEventConfiguration : IEntityTypeConfiguration<ConsultationEvent>
{
    public void Configure(EntityTypeBuilder<ConsultationEvent> builder)
    {
        builder.HasIndex(e => new { e.ConsultationId, e.Id });
        builder.HasOne<Consultation>().WithMany().HasForeignKey(e => e.ConsultationId);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.Subject).HasMaxLength(100);
        builder.Property(e => e.Before).HasMaxLength(4_000);
        builder.Property(e => e.After).HasMaxLength(4_000);
        builder.Property(e => e.Reason).HasMaxLength(2_000);
    }
}
