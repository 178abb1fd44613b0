/**
 * An outline drawn over a grid's cells — a highlighted row, the selected cell: transparent to the pointer and not
 * exported with the figure.
 */
export function CellOutline({
  className,
  x,
  y,
  width,
  height,
  stroke,
  strokeWidth,
}: {
  className: string;
  x: number;
  y: number;
  width: number;
  height: number;
  stroke: string;
  strokeWidth: number;
}) {
  return (
    <rect
      className={className}
      data-export="skip"
      x={x}
      y={y}
      width={width}
      height={height}
      fill="none"
      stroke={stroke}
      strokeWidth={strokeWidth}
      pointerEvents="none"
    />
  );
}
