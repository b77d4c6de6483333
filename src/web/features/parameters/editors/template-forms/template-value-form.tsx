import type { ParameterTemplate } from '../templates';
import { AdSlotForm } from './ad-slot-form';
import { LayoutForm } from './layout-form';
import { NavigationForm } from './navigation-form';
import { OfferForm } from './offer-form';
import { OnboardingForm } from './onboarding-form';
import type { TemplateFormProps } from './template-form-props';

export interface TemplateValueFormProps extends TemplateFormProps {
  template: ParameterTemplate;
}

/** The friendly form for a template's value, so marketers never edit its JSON by hand. */
export function TemplateValueForm({ template, ...props }: TemplateValueFormProps) {
  switch (template.id) {
    case 'onboarding':
      return <OnboardingForm {...props} />;
    case 'offer':
      return <OfferForm {...props} />;
    case 'layout':
      return <LayoutForm {...props} />;
    case 'navigation':
      return <NavigationForm {...props} />;
    case 'adSlot':
      return <AdSlotForm {...props} />;
  }
}
