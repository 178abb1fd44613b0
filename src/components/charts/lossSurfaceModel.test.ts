import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import { sampleGrid } from './grid';
import {
  contourModel,
  drawPath,
  edgeMark,
  gradientArrow,
  movePickCursor,
  pathLength,
  surfaceCaption,
} from './lossSurfaceModel';

const sx = scaleLinear().domain([-2, 2]).range([0, 200]);
const sy = scaleLinear().domain([-2, 2]).range([200, 0]);

describe('lossSurfaceModel', () => {
  it('contour bands span the finite range; NaN cells count as the top level', () => {
    const grid = sampleGrid((x, y) => (x > 1.5 ? NaN : x * x + y * y), [-2, 2], [-2, 2], 21);
    const model = contourModel(grid, sx, sy, 10, false);
    expect(model).not.toBeNull();
    expect(model!.lo).toBeCloseTo(0, 5);
    expect(model!.hi).toBeLessThanOrEqual(8);
    expect(model!.bands.length).toBe(10);
    expect(model!.toT(model!.lo)).toBe(0);
    expect(model!.toT(model!.hi)).toBe(1);
    expect(
      contourModel(
        sampleGrid(() => NaN, [-2, 2], [-2, 2], 5),
        sx,
        sy,
        10,
        false,
      ),
    ).toBeNull();
  });

  it('a path breaks at non-finite points and reports its first and last point', () => {
    const p = { label: 'sgd', points: [0, 0, 1, 1, NaN, 0, 2, 2], length: 4 };
    const drawn = drawPath(p, 'red', sx, sy);
    expect(pathLength(p)).toBe(4);
    expect(drawn.d.match(/M/g)?.length).toBe(2);
    expect(drawn.first).toEqual([0, 0]);
    expect(drawn.last).toEqual([2, 2]);
  });

  it('a current point beyond the plot gets a mark on the edge pointing to it, and the caption says so', () => {
    expect(edgeMark([1, -1], sx, sy)).toBeNull(); // inside
    expect(edgeMark([NaN, 0], sx, sy)).toBeNull();
    expect(edgeMark([5, 0], sx, sy)).toEqual({ x: 200, y: 100, angle: 0 }); // right of the plot: on the right edge
    const upLeft = edgeMark([-6, 6], sx, sy)!; // beyond the top-left corner, on the diagonal
    expect(upLeft.x).toBe(0);
    expect(upLeft.y).toBe(0);
    expect(upLeft.angle).toBeCloseTo(-135);
    const below = edgeMark([1, -3], sx, sy)!; // below: on the bottom edge, pointing down the screen (+y)
    expect([below.x, below.y, below.angle]).toEqual([150, 200, 90]);

    const away = drawPath({ label: 'gd', points: [0, 0, 1, 1, 17, 13.5] }, 'red', sx, sy);
    expect(away.outside).not.toBeNull();
    expect(surfaceCaption(undefined, null, [away], null, null)).toContain(
      'now at (17, 13.5), outside the plotted range',
    );
    const near = drawPath({ label: 'gd', points: [0, 0, 1, 1] }, 'red', sx, sy);
    expect(near.outside).toBeNull();
    expect(surfaceCaption(undefined, null, [near], null, null)).not.toContain('outside');
  });

  it('the gradient arrow points downhill (−∇L) in pixels', () => {
    const arrow = gradientArrow({ x: 0, y: 0, dx: 1, dy: 0 }, sx, sy, 1)!;
    expect(arrow.tx).toBeLessThan(arrow.x); // −∇L points to smaller x
    expect(arrow.ty).toBeCloseTo(arrow.y, 6);
    expect(gradientArrow({ x: 0, y: 0, dx: 0, dy: 0 }, sx, sy, 1)).toBeNull();
    expect(gradientArrow({ x: 0, y: 0, dx: NaN, dy: 0 }, sx, sy, 1)).toBeNull();
  });

  it('the keyboard cursor moves in 1/40 of the domain and stays inside it', () => {
    expect(movePickCursor('ArrowRight', false, [0, 0], [-2, 2], [-2, 2])).toEqual([0.1, 0]);
    expect(movePickCursor('ArrowUp', true, [0, 1.9], [-2, 2], [-2, 2])).toEqual([0, 2]);
    expect(movePickCursor('x', false, [0, 0], [-2, 2], [-2, 2])).toBeNull();
  });
});
