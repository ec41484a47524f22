/** What one benchmark hands back to the runner: tables already rendered, goals checked. */
export interface GoalCheck {
  goal: string;
  measured: string;
  met: boolean;
}

export interface BenchResult {
  name: string;
  title: string;
  /** Markdown blocks (tables and short notes), in print order. */
  sections: string[];
  goals: GoalCheck[];
}

export function goalLines(goals: readonly GoalCheck[]): string {
  return goals.map((g) => `- ${g.met ? 'met' : 'NOT met'}: ${g.goal} (measured ${g.measured})`).join('\n');
}
