using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SurveyService.Migrations.SqlServer.Migrations
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
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Requested",
                table: "Analyses",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // A compile reads one snapshot (its figures and its rows alike) without holding locks that
            // would block the writers for the whole compile: SQL Server's snapshot isolation, which a
            // database must allow. Not allowed in a transaction, so it runs on its own.
            migrationBuilder.Sql("ALTER DATABASE CURRENT SET ALLOW_SNAPSHOT_ISOLATION ON;", suppressTransaction: true);
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
