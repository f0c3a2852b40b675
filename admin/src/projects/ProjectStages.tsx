import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { approvalEntity, type Locale } from '@yizhan/shared';
import { Link, useCreatePath, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { displayValue } from '../declared/displayValue';
import { fieldAt } from '../declared/fieldAt';
import { enumKey } from '../i18n/domain';

interface StageApproval {
  readonly id: string;
  readonly [field: string]: unknown;
}

interface Stage {
  readonly stage: string;
  readonly workingDays: number | null;
  readonly approvals: readonly StageApproval[];
}

const COLUMNS = ['number', 'itemName', 'department', 'acceptanceMode', 'status', 'elapsedWorkingDays'];

/**
 * A project's approvals by stage, in order: each stage with the working days it took (its
 * approvals run in parallel, so the longest), and the total across stages, as the API counts them.
 */
export function ProjectStages() {
  const record = useRecordContext();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [locale] = useLocaleState();
  if (!record) return null;
  const stages = (record.stages ?? []) as Stage[];
  const label = (name: string) => fieldAt(approvalEntity, name).label[locale as Locale];
  return (
    <Box>
      <Typography variant="h6" component="p" sx={{ mb: 2 }}>
        {translate('yizhan.projects.total', { days: record.totalWorkingDays ?? '—' })}
      </Typography>
      {stages.length === 0 && <Typography>{translate('yizhan.projects.no_stages')}</Typography>}
      {stages.map((stage) => {
        const title = translate(enumKey('ApprovalStage', stage.stage));
        return (
          <Box key={stage.stage} component="section" sx={{ mb: 3 }}>
            <Typography variant="subtitle1" component="h3">
              {translate('yizhan.projects.stage', { stage: title, days: stage.workingDays ?? '—' })}
            </Typography>
            <Table size="small" aria-label={title}>
              <TableHead>
                <TableRow>
                  {COLUMNS.map((name) => (
                    <TableCell key={name}>{label(name)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {stage.approvals.map((approval) => (
                  <TableRow key={approval.id}>
                    {COLUMNS.map((name) => (
                      <TableCell key={name}>
                        {name === 'number' ? (
                          <Link to={createPath({ resource: approvalEntity.plural, id: approval.id, type: 'show' })}>{String(approval.number)}</Link>
                        ) : (
                          displayValue(fieldAt(approvalEntity, name), approval[name], locale as Locale, translate)
                        )}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        );
      })}
    </Box>
  );
}
