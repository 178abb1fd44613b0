export { ParamControls, ParamControl, type ParamControlsProps } from './ParamControls';
