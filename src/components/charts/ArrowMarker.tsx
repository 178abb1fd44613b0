/**
 * An SVG arrow head for lines and paths to end with (`markerEnd="url(#id)"`): a triangle in a 10 × 10 box, its tip
 * `refX` along, `size` units wide, in its own <defs>. Colour it with `className` (CSS fill) or `fill`.
 */
export function ArrowMarker({
  id,
  className,
  fill,
  refX = 9,
  size = 7,
  orient = 'auto',
  markerUnits,
}: {
  id: string;
  className?: string;
  fill?: string;
  refX?: number;
  size?: number;
  orient?: 'auto' | 'auto-start-reverse';
  markerUnits?: 'userSpaceOnUse' | 'strokeWidth';
}) {
  return (
    <defs>
      <marker
        id={id}
        viewBox="0 0 10 10"
        refX={refX}
        refY="5"
        markerWidth={size}
        markerHeight={size}
        markerUnits={markerUnits}
        orient={orient}
      >
        <path d="M0,0 L10,5 L0,10 z" className={className} fill={fill} />
      </marker>
    </defs>
  );
}
