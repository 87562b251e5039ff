using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SurveyService.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CompileRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CompiledRequest",
                table: "Analyses",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Requested",
                table: "Analyses",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CompiledRequest",
                table: "Analyses");

            migrationBuilder.DropColumn(
                name: "Requested",
                table: "Analyses");
        }
    }
}
