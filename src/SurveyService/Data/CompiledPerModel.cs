using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SurveyService.Data;

/// <summary>
/// A compiled query, compiled once per model. EF binds a compiled query to the model it first
/// ran against, and a process can hold more than one (the tests run SQLite and PostgreSQL hosts
/// side by side); one host has one model, so this compiles once.
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : Delegate
{
    private readonly ConditionalWeakTable<IModel, TQuery> compiled = [];

    public TQuery For(SurveyDbContext db) => compiled.GetValue(db.Model, _ => compile());
}
