using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SurveyService.Data.Accounts;
using SurveyService.Data.Entities;

namespace SurveyService.Data.Configurations;

internal sealed class EntityConfiguration : IEntityTypeConfiguration<Entity>
{
    public void Configure(EntityTypeBuilder<Entity> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(300);
        builder.Property(e => e.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(e => e.StakeholderGroup).HasMaxLength(100);
        builder.HasIndex(e => e.Category);
    }
}

internal sealed class SurveyUserConfiguration : IEntityTypeConfiguration<SurveyUser>
{
    public void Configure(EntityTypeBuilder<SurveyUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.HasOne(u => u.Entity).WithMany().HasForeignKey(u => u.EntityId).OnDelete(DeleteBehavior.Restrict);
    }
}
