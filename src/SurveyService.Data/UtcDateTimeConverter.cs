using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SurveyService.Data;

/// <summary>Writes instants as UTC and reads them back marked as UTC, whatever the provider returns.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
