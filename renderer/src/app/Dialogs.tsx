import { CreateDatasetDialog, DeleteDatasetDialog, RenameDatasetDialog } from '../features/datasets/DatasetDialogs';
import { ChooseDatasetDialog } from '../features/ingest/ChooseDatasetDialog';
import { ChangePasswordDialog } from '../features/profiles/ChangePasswordDialog';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { SharingDialog } from '../features/sharing/SharingDialog';
import { TenantDialog } from '../features/tenant/TenantDialog';
import { useApp } from '../store/hooks';
import { HelpDialog } from './HelpDialog';

/** Renders the one open dialog. */
export function Dialogs() {
  const dialog = useApp((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'createDataset':
      return <CreateDatasetDialog />;
    case 'renameDataset':
      return <RenameDatasetDialog datasetId={dialog.datasetId} />;
    case 'deleteDataset':
      return <DeleteDatasetDialog datasetId={dialog.datasetId} />;
    case 'share':
      return <SharingDialog datasetId={dialog.datasetId} />;
    case 'chooseDataset':
      return <ChooseDatasetDialog />;
    case 'tenant':
      return <TenantDialog />;
    case 'settings':
      return <SettingsDialog />;
    case 'help':
      return <HelpDialog />;
    case 'changePassword':
      return <ChangePasswordDialog />;
    default: {
      const never: never = dialog;
      return never;
    }
  }
}
