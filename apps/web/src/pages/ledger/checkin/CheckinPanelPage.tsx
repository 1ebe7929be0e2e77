import { useParams } from 'react-router';
import { CheckinPanel } from './CheckinPanel.tsx';

/** `/records/:id/checkin`: the organizer's check-in panel on its own, for the phone. */
export default function CheckinPanelPage() {
  const { id } = useParams();
  return <CheckinPanel recordId={Number(id)} />;
}
