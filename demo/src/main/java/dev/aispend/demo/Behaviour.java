package dev.aispend.demo;

/** How a person uses the tools: normally, or gaming a token leaderboard the way docs/gamification.md flags. */
public enum Behaviour {
    NORMAL,
    /** Leaves an agent looping overnight (22:00-06:00 UTC, several nights a week) and merges nothing. */
    OVERNIGHT_LOOP,
    /** Normal for the first full week, then stuffs prompts: six times the prompt tokens for the same output. */
    PROMPT_INFLATION
}
