using SurveyService.Accounts.Import;

namespace SurveyService.Rules.Tests.Accounts.Import;

public class ImportFormatsTests
{
    [Theory]
    [InlineData("text/csv", null, "Csv")]
    [InlineData("text/csv; charset=utf-8", null, "Csv")]
    [InlineData("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "list.csv", "Xlsx")]
    [InlineData("application/vnd.ms-excel", "list.CSV", "Csv")]
    [InlineData("application/octet-stream", "list.xlsx", "Xlsx")]
    [InlineData(null, "list.xlsx", "Xlsx")]
    public void TheMediaTypeNamesTheFormatAndOtherwiseTheFileName(string? mediaType, string? fileName, string format) =>
        Assert.Equal(Enum.Parse<ImportFormat>(format), ImportFormats.Detect(mediaType, fileName));

    [Theory]
    [InlineData("application/json", null)]
    [InlineData("application/vnd.ms-excel", "list.xls")]
    [InlineData("text/plain", "list.txt")]
    [InlineData(null, null)]
    public void AnythingElseIsNoFormat(string? mediaType, string? fileName) => Assert.Null(ImportFormats.Detect(mediaType, fileName));
}
