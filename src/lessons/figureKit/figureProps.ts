/** Props every figure of this chapter receives from the page. */
export interface FigureProps {
  /** The lesson step's preset (URL values win over it). */
  preset?: Readonly<Record<string, string | number | boolean>>;
}
