import { useRuntimeHub } from '../../state/runtimeContext';

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * A LossSurface `onPickStart` for a live experiment: the clicked point, rounded to 0.1, becomes the start
 * parameters `xParam` and `yParam`.
 */
export function usePickStart(xParam: string, yParam: string): (x: number, y: number) => void {
  const hub = useRuntimeHub();
  return (x, y) => {
    hub.setParam(xParam, round(x));
    hub.setParam(yParam, round(y));
  };
}
