namespace SurveyService.Data;

/// <summary>What a respondent is; a property of the entity its account speaks for.</summary>
public enum RespondentCategory
{
    MemberState,
    SectorMember,
    Associate,
    Academia,
    Stakeholder,
}

/// <summary>Who a question is addressed to (WG-Study questionnaire, para 7: i, ii, iii).</summary>
public enum QuestionTier
{
    MemberStates,
    Membership,
    Open,
}

public enum QuestionType
{
    Text,
    SingleChoice,
    MultipleChoice,
    Scale,
}

public enum StaffRole
{
    Secretariat,
    Analyst,
}
