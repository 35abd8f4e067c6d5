/** Share of planned executions whose plan came from memory (0 when none was planned yet). */
export const recallRate = (recalled: number, computed: number): number =>
  recalled + computed === 0 ? 0 : recalled / (recalled + computed);
