import { TableControls, type TableControlsProps } from '../../../components/controls';

/** A figure's link settings (its parameter table) and, below them, the chip that puts them back to the step's. */
export function SettingsReset({
  table,
  values,
  onChange,
  onReset,
}: Pick<TableControlsProps, 'table' | 'values' | 'onChange'> & { onReset(): void }) {
  return (
    <>
      <TableControls table={table} values={values} onChange={onChange} />
      <div className="chip-row">
        <button type="button" onClick={onReset}>
          Reset
        </button>
      </div>
    </>
  );
}
