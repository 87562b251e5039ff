namespace SurveyService.Accounts.Import;

/// <summary>A problem of an imported file: the row as the spreadsheet numbers it (the header is row 1 in most files), the column's header as the file has it.</summary>
public sealed record EntityImportProblem(int? Row, string? Column, string Message);

/// <summary>A dry run: every problem of the file, and what its rows without a problem hold; nothing written.</summary>
public sealed record EntityImportCheckResponse(bool DryRun, int Rows, int Entities, int FocalPoints, EntityImportProblem[] Problems);

/// <summary>An import: every entity and focal point created, the entities' ids in the file's order.</summary>
public sealed record EntityImportResponse(bool DryRun, int Rows, int Entities, int FocalPoints, Guid[] EntityIds);
