using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SurveyService.Data.Consultations;
using SurveyService.Data.Entities;
using SurveyService.Data.Submissions;

namespace SurveyService.Data.Configurations;

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        // One submission per entity per consultation: the second of two racing first saves fails here.
        builder.HasIndex(s => new { s.ConsultationId, s.EntityId }).IsUnique();
        builder.HasOne<Consultation>().WithMany().HasForeignKey(s => s.ConsultationId);
        builder.HasOne<Entity>().WithMany().HasForeignKey(s => s.EntityId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.UpdatedBy).HasMaxLength(450);
        builder.HasMany(s => s.Answers).WithOne().HasForeignKey(a => a.SubmissionId);
    }
}

internal sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> builder)
    {
        builder.HasIndex(a => new { a.SubmissionId, a.QuestionId }).IsUnique();
        builder.HasOne<Question>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.PrimitiveCollection(a => a.Choices);
    }
}

internal sealed class SubmittedVersionConfiguration : IEntityTypeConfiguration<SubmittedVersion>
{
    public void Configure(EntityTypeBuilder<SubmittedVersion> builder)
    {
        builder.HasIndex(v => new { v.SubmissionId, v.Number }).IsUnique();
        builder.HasOne<Submission>().WithMany().HasForeignKey(v => v.SubmissionId);
        builder.Property(v => v.SubmittedBy).HasMaxLength(450);
        builder.Property(v => v.Digest).HasMaxLength(100);
        builder.HasMany(v => v.Answers).WithOne().HasForeignKey(a => a.SubmittedVersionId);
    }
}

internal sealed class SubmittedAnswerConfiguration : IEntityTypeConfiguration<SubmittedAnswer>
{
    public void Configure(EntityTypeBuilder<SubmittedAnswer> builder)
    {
        builder.HasIndex(a => new { a.SubmittedVersionId, a.QuestionId }).IsUnique();
        builder.HasOne<Question>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.PrimitiveCollection(a => a.Choices);
        builder.Property(a => a.ScreeningReason).HasMaxLength(2_000);
        builder.Property(a => a.ScreenedBy).HasMaxLength(450);
    }
}

internal sealed class SubmissionEventConfiguration : IEntityTypeConfiguration<SubmissionEvent>
{
    public void Configure(EntityTypeBuilder<SubmissionEvent> builder)
    {
        builder.HasIndex(e => new { e.SubmissionId, e.Id });
        builder.HasOne<Submission>().WithMany().HasForeignKey(e => e.SubmissionId);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.UserId).HasMaxLength(450);
    }
}

internal sealed class ScreeningDecisionConfiguration : IEntityTypeConfiguration<ScreeningDecision>
{
    public void Configure(EntityTypeBuilder<ScreeningDecision> builder)
    {
        builder.HasIndex(d => new { d.ConsultationId, d.Id });
        builder.HasIndex(d => d.SubmittedAnswerId);
        // One cascade path only (through the answer): SQL Server refuses two from the consultation.
        builder.HasOne<Consultation>().WithMany().HasForeignKey(d => d.ConsultationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SubmittedAnswer>().WithMany().HasForeignKey(d => d.SubmittedAnswerId);
        builder.Property(d => d.Reason).HasMaxLength(2_000);
        builder.Property(d => d.UserId).HasMaxLength(450);
    }
}
